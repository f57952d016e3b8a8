# expect: reject: no code found
I'm sorry, but I can't write that animation.
Please give me more details.
