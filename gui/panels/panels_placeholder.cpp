// placeholder translation unit until the panels land
