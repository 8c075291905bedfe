print("aduan")
