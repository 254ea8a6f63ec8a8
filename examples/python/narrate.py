"""narrate: read articles aloud from Python, through libnarrate and ctypes.

    import narrate
    with narrate.Narrator(voice="news", on_event=print) as n:
        n.speak("Mr. Xi met Vladimir V. Putin on Jan. 5, 2023.")

The library is found through $NARRATE_LIBRARY, then the build tree of the
repository this file sits in (build/libnarrate.so.0), then the system
(ctypes.util.find_library).  The synthesis worker is the library's choice
($NARRATE_WORKER, then the installed one) unless a Narrator is given
worker_path, or load(set_worker=True) points $NARRATE_WORKER at the worker
beside the library.

Threads: a Narrator is used by one thread at a time, except cancel(), which any
thread may call.  Callbacks run on the thread that called feed/finish/speak;
an exception they raise stops the narration and is raised again from that call.
"""

import ctypes
import ctypes.util
import enum
import os
import threading

__all__ = [
    "Narrator", "Speakers", "FileSink", "Event", "EventType", "Error", "NarrateError",
    "InputFormat", "Punctuation", "Capitals", "Format", "load", "render", "spoken", "voices",
]

CONTINUE, STOP = 0, 1
_ERRMSG_SIZE = 512
# Room after narrate_config for fields a newer libnarrate may append: its
# narrate_config_init() fills them, so they keep their defaults.
_CONFIG_SLACK = 256


class Error(enum.IntEnum):
    """narrate_error."""
    OK = 0
    ENOMEM = 1
    EINVAL = 2
    ESTATE = 3
    EWORKER = 4
    EVOICE = 5
    ECANCELED = 6
    ESTOPPED = 7
    EOPEN = 8
    EWRITE = 9
    ENODEVICE = 10
    EFORMAT = 11
    EDATA = 12


class EventType(enum.IntEnum):
    """narrate_event_type."""
    SENTENCE = 1
    WORD = 2
    WARNING = 3
    END = 4
    HEADING = 5
    MARK = 6


class InputFormat(enum.IntEnum):
    """narrate_input_format."""
    AUTO = 0
    TEXT = 1
    HTML = 2
    MARKDOWN = 3
    SSML = 4


class Punctuation(enum.IntEnum):
    """narrate_punctuation."""
    NONE = 0
    SOME = 1
    ALL = 2


class Capitals(enum.IntEnum):
    """narrate_capitals."""
    NONE = 0
    PITCH = 1
    WORD = 2


class Format(enum.IntEnum):
    """narrate_format: a file sink's encoding."""
    AUTO = 0
    WAV = 1
    FLAC = 2
    OGG = 3
    OPUS = 4
    MP3 = 5


class NarrateError(Exception):
    """A libnarrate error: `code` is an Error, `message` the library's message."""

    def __init__(self, code, message=""):
        self.code = _as_enum(Error, code)
        self.message = message or _lib().narrate_strerror(int(code)).decode()
        name = self.code.name if isinstance(self.code, Error) else str(code)
        super().__init__("%s (%s)" % (self.message, name))


def _as_enum(kind, value):
    try:
        return kind(value)
    except ValueError:
        return value


# ---- the C declarations, mirroring src/narrate.h field for field ----

_AudioFn = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_int16),
                            ctypes.c_size_t, ctypes.c_int)


class _CEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("offset", ctypes.c_uint64),
        ("length", ctypes.c_uint64),
        ("sample", ctypes.c_uint64),
        ("text", ctypes.c_char_p),
        ("phonemes", ctypes.c_char_p),
        ("level", ctypes.c_int),
    ]


_EventFn = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(_CEvent))
_VoiceFn = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p)


class _CConfig(ctypes.Structure):
    _fields_ = [
        ("input_format", ctypes.c_int),
        ("read_captions", ctypes.c_int),
        ("read_image_alt", ctypes.c_int),
        ("voice", ctypes.c_char_p),
        ("rate", ctypes.c_int),
        ("pitch", ctypes.c_int),
        ("volume", ctypes.c_int),
        ("workers", ctypes.c_int),
        ("synthesize", ctypes.c_int),
        ("phonemes", ctypes.c_int),
        ("sentence_timeout", ctypes.c_double),
        ("lexicons", ctypes.POINTER(ctypes.c_char_p)),
        ("worker_path", ctypes.c_char_p),
        ("on_audio", _AudioFn),
        ("on_event", _EventFn),
        ("userdata", ctypes.c_void_p),
        ("punctuation", ctypes.c_int),
        ("capitals", ctypes.c_int),
        ("spell", ctypes.c_int),
    ]


class _CDocument(ctypes.Structure):
    _fields_ = [("title", ctypes.c_char_p), ("byline", ctypes.c_char_p),
                ("date", ctypes.c_char_p)]


_P = ctypes.c_void_p
_SIGNATURES = {
    # name: (restype, argtypes); narrate_error is returned as c_int
    "narrate_version": (ctypes.c_int, []),
    "narrate_version_string": (ctypes.c_char_p, []),
    "narrate_strerror": (ctypes.c_char_p, [ctypes.c_int]),
    "narrate_config_init": (None, [_P]),
    "narrate_new": (ctypes.c_int, [_P, ctypes.POINTER(_P), ctypes.c_char_p, ctypes.c_size_t]),
    "narrate_free": (None, [_P]),
    "narrate_feed": (ctypes.c_int, [_P, ctypes.c_char_p, ctypes.c_size_t]),
    "narrate_finish": (ctypes.c_int, [_P]),
    "narrate_reset": (ctypes.c_int, [_P]),
    "narrate_set_input_format": (ctypes.c_int, [_P, ctypes.c_int]),
    "narrate_set_voice": (ctypes.c_int, [_P, ctypes.c_char_p, ctypes.c_int, ctypes.c_int,
                                         ctypes.c_int]),
    "narrate_skip_sentences": (ctypes.c_int, [_P, ctypes.c_uint64]),
    "narrate_cancel": (None, [_P]),
    "narrate_errmsg": (ctypes.c_char_p, [_P]),
    "narrate_document_info": (None, [_P, ctypes.POINTER(_CDocument)]),
    "narrate_list_voices": (ctypes.c_int, [_P, _VoiceFn, _P]),
    "narrate_sink_open_file": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(_P),
                                              ctypes.c_char_p, ctypes.c_size_t]),
    "narrate_sink_open_speakers": (ctypes.c_int, [ctypes.POINTER(_P), ctypes.c_char_p,
                                                  ctypes.c_size_t]),
    "narrate_sink_write": (ctypes.c_int, [_P, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]),
    "narrate_sink_cancel": (None, [_P]),
    "narrate_sink_pause": (ctypes.c_int, [_P, ctypes.c_int]),
    "narrate_sink_flush": (ctypes.c_int, [_P]),
    "narrate_sink_played": (ctypes.c_int, [_P, ctypes.POINTER(ctypes.c_uint64)]),
    "narrate_sink_errmsg": (ctypes.c_char_p, [_P]),
    "narrate_sink_close": (ctypes.c_int, [_P, ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t]),
}
# Present only in a library that has the reading modes (issue 8).
_OPTIONAL = {
    "narrate_set_reading": (ctypes.c_int, [_P, ctypes.c_int, ctypes.c_int, ctypes.c_int]),
}

_loaded = None
_load_lock = threading.Lock()


def _library_candidates():
    chosen = os.environ.get("NARRATE_LIBRARY")
    if chosen:
        return [chosen]
    here = os.path.dirname(os.path.abspath(__file__))
    build = os.path.join(here, os.pardir, os.pardir, "build", "libnarrate.so.0")
    candidates = [os.path.normpath(build)] if os.path.exists(build) else []
    system = ctypes.util.find_library("narrate")
    if system:
        candidates.append(system)
    return candidates


def _declare(lib):
    for name, (restype, argtypes) in _SIGNATURES.items():
        function = getattr(lib, name)
        function.restype, function.argtypes = restype, argtypes
    for name, (restype, argtypes) in _OPTIONAL.items():
        function = getattr(lib, name, None)
        if function is not None:
            function.restype, function.argtypes = restype, argtypes


def load(path=None, set_worker=False):
    """Loads libnarrate (once per process) and returns the ctypes library.

    path overrides the search described in the module's docstring.  With
    set_worker, $NARRATE_WORKER is set to the narrate-worker beside the loaded
    library when it is unset and such a worker exists (a build tree).
    """
    global _loaded
    with _load_lock:
        if _loaded is None:
            candidates = [path] if path else _library_candidates()
            if not candidates:
                raise OSError("libnarrate not found: set NARRATE_LIBRARY or install it")
            lib = ctypes.CDLL(candidates[0])
            _declare(lib)
            if lib.narrate_version() >> 16 != 0:
                raise OSError("libnarrate %s: this module speaks major version 0"
                              % lib.narrate_version_string().decode())
            _loaded = lib
        if set_worker and not os.environ.get("NARRATE_WORKER"):
            worker = os.path.join(os.path.dirname(_library_file(_loaded)), "narrate-worker")
            if os.access(worker, os.X_OK):
                os.environ["NARRATE_WORKER"] = worker
        return _loaded


def _library_file(lib):
    """The path the dynamic loader resolved for lib."""
    with open("/proc/self/maps") as maps:
        for line in maps:
            if "libnarrate.so" in line:
                return line.split(None, 5)[-1].strip()
    return lib._name


def _lib():
    return _loaded if _loaded is not None else load()


def _check(err, message_of):
    if err != Error.OK:
        raise NarrateError(err, message_of())


def _enum_arg(kind, value, names):
    """value as kind: a member, its int, or a name from `names` (any case)."""
    if isinstance(value, str):
        try:
            return names[value.lower()]
        except KeyError:
            raise ValueError("unknown %s %r" % (kind.__name__, value)) from None
    return kind(value)


_FORMAT_NAMES = {"auto": InputFormat.AUTO, "text": InputFormat.TEXT, "txt": InputFormat.TEXT,
                 "html": InputFormat.HTML, "markdown": InputFormat.MARKDOWN,
                 "md": InputFormat.MARKDOWN, "ssml": InputFormat.SSML}
_PUNCT_NAMES = {m.name.lower(): m for m in Punctuation}
_CAPS_NAMES = {m.name.lower(): m for m in Capitals}
_FILE_FORMAT_NAMES = {m.name.lower(): m for m in Format}


def _utf8(s):
    return None if s is None else s.encode("utf-8", "surrogatepass")


# ---- events and the byte-to-str index map ----

class Event:
    """One narrate_event, copied out of the callback.

    offset and length are bytes into the UTF-8 of everything fed since the
    last reset; start and end are the same span as indices into the str fed
    (text[event.start:event.end]).  sample counts the samples delivered to
    on_audio before this event's audio.
    """
    __slots__ = ("type", "offset", "length", "start", "end", "sample", "text", "phonemes",
                 "level")

    def __init__(self, type, offset, length, start, end, sample, text, phonemes, level):
        self.type, self.offset, self.length = type, offset, length
        self.start, self.end, self.sample = start, end, sample
        self.text, self.phonemes, self.level = text, phonemes, level

    def __repr__(self):
        name = self.type.name if isinstance(self.type, EventType) else self.type
        return "Event(%s, [%d:%d], sample=%d, %r)" % (name, self.start, self.end, self.sample,
                                                      self.text)


_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))


class _FedText:
    """The bytes fed since the last reset, and str indices of byte offsets.

    A str index is the number of characters before the byte, that is of bytes
    that do not continue a UTF-8 sequence.  Events come mostly in order, so the
    count is carried forward from the last offset asked.
    """

    def __init__(self):
        self.clear()

    def clear(self):
        self.data = bytearray()
        self._byte, self._index = 0, 0

    def add(self, chunk):
        self.data += chunk

    def index_of(self, offset):
        offset = min(offset, len(self.data))
        if offset < self._byte:
            self._byte, self._index = 0, 0
        between = bytes(self.data[self._byte:offset])
        self._index += len(between.translate(None, _CONTINUATION_BYTES))
        self._byte = offset
        return self._index


class _Callbacks:
    """What the C callbacks reach: the caller's functions, the fed text, and
    the first exception a callback raised (never let through to C)."""

    def __init__(self, on_audio, on_event):
        self.on_audio, self.on_event = on_audio, on_event
        self.fed = _FedText()
        self.error = None

    def audio(self, _userdata, samples, count, sample_rate):
        try:
            data = ctypes.string_at(samples, count * 2)
            self.on_audio(memoryview(data).cast("h"), sample_rate)
            return CONTINUE
        except BaseException as e:  # noqa: B036 - re-raised after the C call returns
            self.error = self.error or e
            return STOP

    def event(self, _userdata, pointer):
        try:
            c = pointer.contents
            start = self.fed.index_of(c.offset)
            end = self.fed.index_of(c.offset + c.length)
            ev = Event(_as_enum(EventType, c.type), c.offset, c.length, start, end, c.sample,
                       (c.text or b"").decode("utf-8", "replace"),
                       None if c.phonemes is None else c.phonemes.decode("utf-8", "replace"),
                       c.level)
            return STOP if self.on_event(ev) is False else CONTINUE
        except BaseException as e:  # noqa: B036 - re-raised after the C call returns
            self.error = self.error or e
            return STOP

    def raise_pending(self):
        error, self.error = self.error, None
        if error is not None:
            raise error


def _config(lib, settings, **more):
    """A narrate_config with the library's defaults overridden by Narrator's
    keywords.  The struct object owns its memory and, in its _objects, what
    its pointers point to: keep it as long as the handle."""
    buffer = ctypes.create_string_buffer(ctypes.sizeof(_CConfig) + _CONFIG_SLACK)
    lib.narrate_config_init(ctypes.byref(buffer))
    c = _CConfig.from_buffer(buffer)
    s = dict(settings, **more)
    c.input_format = _enum_arg(InputFormat, s["input_format"], _FORMAT_NAMES)
    c.read_captions, c.read_image_alt = int(s["read_captions"]), int(s["read_image_alt"])
    c.voice = _utf8(s["voice"])
    c.rate, c.pitch, c.volume, c.workers = s["rate"], s["pitch"], s["volume"], s["workers"]
    c.synthesize, c.phonemes = int(bool(s["synthesize"])), int(bool(s["phonemes"]))
    c.sentence_timeout = s["sentence_timeout"]
    paths = [_utf8(os.fspath(p)) for p in s["lexicons"] or []]
    c.lexicons = (ctypes.c_char_p * (len(paths) + 1))(*paths, None) if paths else None
    c.worker_path = _utf8(s["worker_path"])
    c.on_audio, c.on_event = s["on_audio"], s["on_event"]
    c.punctuation = _enum_arg(Punctuation, s["punctuation"], _PUNCT_NAMES)
    c.capitals = _enum_arg(Capitals, s["capitals"], _CAPS_NAMES)
    c.spell = int(bool(s["spell"]))
    return c


# ---- the narrator ----

class Narrator:
    """A libnarrate handle and its worker processes.

    on_audio(samples, sample_rate): samples is a read-only memoryview of int16
    (a copy; keep it if you like).  on_event(event): an Event; returning False
    stops the narration (feed/finish then raise NarrateError ESTOPPED).  Either
    may be None.  rate, pitch, volume: 0/-1/-1 keep the voice preset's.
    workers: 0 means one per core.  input_format: 'auto', 'text', 'html',
    'markdown', 'ssml' or an InputFormat.  punctuation: 'none', 'some', 'all';
    capitals: 'none', 'pitch', 'word'.  Use it as a context manager, or call
    close().
    """

    def __init__(self, voice=None, rate=0, pitch=-1, volume=-1, workers=0, input_format="auto",
                 synthesize=True, on_audio=None, on_event=None, punctuation="none",
                 capitals="none", spell=False, phonemes=False, read_captions=False,
                 read_image_alt=False, sentence_timeout=0.0, lexicons=None, worker_path=None):
        lib = _lib()
        self._lib = lib
        self._handle = None
        self._lock = threading.Lock()
        self._settings = dict(voice=voice, rate=rate, pitch=pitch, volume=volume,
                              input_format=input_format, punctuation=punctuation,
                              capitals=capitals, spell=spell, read_captions=read_captions,
                              read_image_alt=read_image_alt, lexicons=lexicons,
                              worker_path=worker_path)
        self._callbacks = _Callbacks(on_audio, on_event)
        # The C function pointers live as long as the handle that holds them.
        self._c_audio = _AudioFn(self._callbacks.audio) if on_audio else _AudioFn()
        self._c_event = _EventFn(self._callbacks.event) if on_event else _EventFn()
        self._config = _config(lib, self._settings, workers=workers, synthesize=synthesize,
                               phonemes=phonemes, sentence_timeout=sentence_timeout,
                               on_audio=self._c_audio, on_event=self._c_event)
        handle = ctypes.c_void_p()
        errmsg = ctypes.create_string_buffer(_ERRMSG_SIZE)
        err = lib.narrate_new(ctypes.byref(self._config), ctypes.byref(handle), errmsg,
                              _ERRMSG_SIZE)
        if err != Error.OK:
            raise NarrateError(err, errmsg.value.decode("utf-8", "replace"))
        self._handle = handle

    # -- lifetime --

    def close(self):
        """Stops the workers and frees the handle; later calls are no-ops."""
        with self._lock:
            handle, self._handle = self._handle, None
        if handle:
            self._lib.narrate_free(handle)

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        self.close()

    def __del__(self):
        if getattr(self, "_handle", None):
            self.close()

    @property
    def closed(self):
        return not self._handle

    def _h(self):
        if not self._handle:
            raise ValueError("the narrator is closed")
        return self._handle

    def _errmsg(self):
        return self._lib.narrate_errmsg(self._h()).decode("utf-8", "replace")

    def _call(self, function, *args):
        """Calls a libnarrate function that may run callbacks; a callback's
        exception wins over the STOP it caused."""
        err = function(self._h(), *args)
        self._callbacks.raise_pending()
        _check(err, self._errmsg)

    # -- narration --

    def feed(self, text):
        """Gives more text (str, or UTF-8 bytes); complete sentences are
        spoken before it returns."""
        data = bytes(text) if isinstance(text, (bytes, bytearray)) else _utf8(text)
        self._callbacks.fed.add(data)
        self._call(self._lib.narrate_feed, data, len(data))

    def finish(self):
        """Speaks what is left and emits END; afterwards only reset() or close()."""
        self._call(self._lib.narrate_finish)

    def reset(self):
        """Forgets the text and its offsets (and a cancel) so that a new text can start."""
        self._callbacks.fed.clear()
        self._callbacks.error = None
        self._call(self._lib.narrate_reset)

    def cancel(self):
        """Stops the narration under way: feed/finish raise NarrateError
        ECANCELED until reset().  Safe from any thread."""
        with self._lock:
            if self._handle:
                self._lib.narrate_cancel(self._handle)

    def speak(self, text):
        """Narrates a whole text and returns when it has been spoken; the
        handle is reset first, so event offsets are into `text`."""
        self.reset()
        self.feed(text)
        self.finish()

    def set_input_format(self, input_format):
        """Before feeding or right after reset()."""
        value = _enum_arg(InputFormat, input_format, _FORMAT_NAMES)
        self._call(self._lib.narrate_set_input_format, value)
        self._settings["input_format"] = value

    def set_voice(self, voice=None, rate=0, pitch=-1, volume=-1):
        """Between texts; None/0/-1/-1 keep the current voice and the preset's values."""
        self._call(self._lib.narrate_set_voice, _utf8(voice), rate, pitch, volume)
        if voice is not None:
            self._settings["voice"] = voice
        self._settings.update(rate=rate, pitch=pitch, volume=volume)

    def set_reading(self, punctuation="none", capitals="none", spell=False):
        """Between texts: punctuation 'none'/'some'/'all', capitals
        'none'/'pitch'/'word', spell mode on or off."""
        function = getattr(self._lib, "narrate_set_reading", None)
        if function is None:
            raise NotImplementedError("this libnarrate has no narrate_set_reading")
        p = _enum_arg(Punctuation, punctuation, _PUNCT_NAMES)
        c = _enum_arg(Capitals, capitals, _CAPS_NAMES)
        self._call(function, p, c, int(bool(spell)))
        self._settings.update(punctuation=p, capitals=c, spell=spell)

    def skip_sentences(self, count):
        """The next text starts at sentence `count` (before feeding or after reset())."""
        self._call(self._lib.narrate_skip_sentences, count)

    def document(self):
        """(title, byline, date) of the text, each a str or None."""
        doc = _CDocument()
        self._lib.narrate_document_info(self._h(), ctypes.byref(doc))
        return tuple(None if v is None else v.decode("utf-8", "replace")
                     for v in (doc.title, doc.byline, doc.date))

    def voices(self):
        """[(name, language)]: the presets (language 'preset'), then the engines' voices."""
        found = []

        def add(_userdata, name, language):
            found.append((name.decode("utf-8", "replace"), language.decode("utf-8", "replace")))
            return CONTINUE
        c_add = _VoiceFn(add)
        err = self._lib.narrate_list_voices(self._h(), c_add, None)
        _check(err, self._errmsg)
        return found

    def spoken(self, text):
        """The sentences of `text` as they would be spoken with this
        narrator's settings, without synthesizing them."""
        s = self._settings
        sentences = []

        def on_event(ev):
            if ev.type == EventType.SENTENCE:
                sentences.append(ev.text)
        with Narrator(synthesize=False, on_event=on_event, **s) as quiet:
            quiet.feed(text)
            quiet.finish()
        return sentences


def spoken(text, **settings):
    """The sentences of `text` as they will be spoken (Narrator's keywords)."""
    with Narrator(synthesize=False, **settings) as n:
        return n.spoken(text)


def voices():
    """[(name, language)] of every preset and engine voice."""
    with Narrator(synthesize=False) as n:
        return n.voices()


# ---- sinks ----

class _Sink:
    """A narrate_sink: write int16 samples, then close (commit or discard)."""

    def __init__(self, opener, *args):
        self._lib = _lib()
        self._handle = None
        self._lock = threading.Lock()
        handle = ctypes.c_void_p()
        errmsg = ctypes.create_string_buffer(_ERRMSG_SIZE)
        err = opener(*args, ctypes.byref(handle), errmsg, _ERRMSG_SIZE)
        if err != Error.OK:
            raise NarrateError(err, errmsg.value.decode("utf-8", "replace"))
        self._handle = handle

    def _h(self):
        if not self._handle:
            raise ValueError("the sink is closed")
        return self._handle

    def _errmsg(self):
        return self._lib.narrate_sink_errmsg(self._h()).decode("utf-8", "replace")

    def write(self, samples, sample_rate):
        """Writes mono int16 samples (any buffer of int16: a memoryview from
        on_audio, array('h'), bytes); blocks while a device is full."""
        data = samples if isinstance(samples, bytes) else memoryview(samples).tobytes()
        count = len(data) // 2
        _check(self._lib.narrate_sink_write(self._h(), data, count, sample_rate), self._errmsg)

    def __call__(self, samples, sample_rate):
        """A sink is an on_audio callback."""
        self.write(samples, sample_rate)

    def cancel(self):
        """A blocked or later write raises ECANCELED; a device falls silent.  Any thread."""
        with self._lock:
            if self._handle:
                self._lib.narrate_sink_cancel(self._handle)

    def close(self, commit=True):
        """commit: drain the device, or check the file and rename it into place;
        otherwise stop at once and discard.  Later calls are no-ops."""
        with self._lock:
            handle, self._handle = self._handle, None
        if not handle:
            return
        errmsg = ctypes.create_string_buffer(_ERRMSG_SIZE)
        err = self._lib.narrate_sink_close(handle, int(bool(commit)), errmsg, _ERRMSG_SIZE)
        if err != Error.OK:
            raise NarrateError(err, errmsg.value.decode("utf-8", "replace"))

    def __enter__(self):
        return self

    def __exit__(self, exc_type, _exc, _tb):
        self.close(commit=exc_type is None)

    def __del__(self):
        if getattr(self, "_handle", None):
            try:
                self.close(commit=False)
            except NarrateError:
                pass


class FileSink(_Sink):
    """A file written beside `path` and renamed into place on close(); format
    'wav', 'flac', 'ogg', 'opus', 'mp3' or None (from the extension)."""

    def __init__(self, path, format=None):
        fmt = Format.AUTO if format is None else _enum_arg(Format, format, _FILE_FORMAT_NAMES)
        super().__init__(_lib().narrate_sink_open_file, _utf8(os.fspath(path)), fmt)


class Speakers(_Sink):
    """The default audio device; audio plays as it is written."""

    def __init__(self):
        super().__init__(_lib().narrate_sink_open_speakers)

    def pause(self, paused=True):
        """Pauses or resumes the device.  Safe from any thread."""
        _check(self._lib.narrate_sink_pause(self._h(), int(bool(paused))), self._errmsg)

    def resume(self):
        self.pause(False)

    def flush(self):
        """Drops audio written but not yet played.  Safe from any thread."""
        _check(self._lib.narrate_sink_flush(self._h()), self._errmsg)

    def played(self):
        """Samples that have left the device's buffer."""
        out = ctypes.c_uint64()
        _check(self._lib.narrate_sink_played(self._h(), ctypes.byref(out)), self._errmsg)
        return out.value


def render(text, path, format=None, **settings):
    """Narrates `text` into the file `path` (see FileSink), replacing it only
    when complete.  settings are Narrator's keywords (not on_audio)."""
    with FileSink(path, format) as sink, Narrator(on_audio=sink, **settings) as n:
        n.speak(text)
