// placeholder translation unit until the view models land
