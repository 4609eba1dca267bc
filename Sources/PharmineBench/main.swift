print("pharmine-bench")
