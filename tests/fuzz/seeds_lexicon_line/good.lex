Lavrov = [[l@vr'O:f]]  # c
US = [[j,u:'Es]] ; case
Reading = [[r'EdIN]] ; midcap, whole
Gdansk = guh-DANSK
