print("sentralbord")
