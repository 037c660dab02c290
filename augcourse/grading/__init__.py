"""Grading infrastructure that instructors run. None of it is imported into a student's kernel
except the guard, which the grading kernel starts before any cell.

augcourse.grading.sandbox      the kernel that runs students' code at autograde (no network,
                               course folder hidden, resource caps): ``python -m ... --install``
augcourse.grading.guard        undoes and reports tampering before every graded cell
augcourse.grading.audit        names cheating tricks in submissions: ``python -m ... ps01_pixels``
augcourse.grading.classgrade   autogrades a class in parallel, or one shard of it
augcourse.grading.feedback     feedback for students with the hidden tests taken out
augcourse.grading.cells        what nbgrader's cell metadata says (grade id, points, kind)
augcourse.grading.tasktext     requirement ids in task texts and the checks that cite them
augcourse.grading.environment  where tools write results, and the environment they run programs in
"""
