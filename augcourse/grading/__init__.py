"""Grading infrastructure that instructors run (never imported into a student's kernel).

augcourse.grading.feedback  feedback for students with the hidden tests taken out
"""
