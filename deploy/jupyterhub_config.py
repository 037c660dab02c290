"""JupyterHub for one class of this course: students, instructors, and a shared grading server.

Run it with ``jupyterhub -f deploy/jupyterhub_config.py`` on the server (JupyterHub needs the
Node.js proxy: ``npm install -g configurable-http-proxy``). INSTRUCTORS.md, "A class on
JupyterHub", walks through the set-up; tests/deployment/test_jupyterhub.py loads this file and
starts a hub from it on loopback.

Who is who:
- every user logs in with the hub's authenticator (PAM by default: the server's system accounts)
  and gets a JupyterLab of their own, with nbgrader's Assignments tab for fetching and submitting;
- instructors (and TAs) also reach the course's grading server, the JupyterHub *service* named
  after the course: one JupyterLab, run as the system account ``grader-<course>`` that owns the
  course folder, where formgrader, autograde and the class grader run;
- nbgrader finds a user's courses from the hub's groups: ``nbgrader-<course>`` for students,
  ``formgrade-<course>`` for those who grade.

Change the four settings below, nothing else, for a class.
"""

import csv
import os

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)

# 1. The course id: the same as CourseDirectory.course_id in nbgrader_config.py.
COURSE = "augmentation"
# 2. The system account that owns the course folder (a clone of this repository) and runs the
#    grading server, and where that folder is.
GRADER = f"grader-{COURSE}"
COURSE_ROOT = os.environ.get("AUGCOURSE_HUB_COURSE_ROOT", f"/home/{GRADER}/{COURSE}")
# 3. Instructors and teaching assistants (hub user names).
INSTRUCTORS = ["instructor1"]
# 4. Students: the same CSV file that `nbgrader db student import` takes (column "id").
STUDENTS_CSV = os.environ.get("AUGCOURSE_HUB_STUDENTS", os.path.join(COURSE_ROOT, "students.csv"))
# The exchange that release, fetch, submit and collect share: one folder every user can write to
# (created by the instructor: mkdir -p /srv/nbgrader/exchange && chmod 1777 it).
EXCHANGE = os.environ.get("AUGCOURSE_HUB_EXCHANGE", "/srv/nbgrader/exchange")


def _students(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return sorted({row["id"].strip() for row in csv.DictReader(f) if row.get("id", "").strip()})


STUDENTS = _students(STUDENTS_CSV)

c.JupyterHub.bind_url = "http://:8000"  # put HTTPS in front of it (a reverse proxy) for a class
c.Authenticator.allowed_users = set(INSTRUCTORS + STUDENTS)
c.Authenticator.admin_users = set(INSTRUCTORS)

c.JupyterHub.load_groups = {
    f"formgrade-{COURSE}": {"users": INSTRUCTORS + [GRADER]},
    f"nbgrader-{COURSE}": {"users": STUDENTS},
}
c.JupyterHub.load_roles = [
    # who may open the grading server
    {"name": f"formgrade-{COURSE}", "groups": [f"formgrade-{COURSE}"],
     "scopes": [f"access:services!service={COURSE}"]},
    # nbgrader's Assignments tab asks the hub, with its server's token, which groups (courses)
    # its user is in: the servers' tokens need their users' own permissions
    {"name": "server", "scopes": ["inherit"]},
]

# The grading server: JupyterLab started and kept running by the hub, as GRADER, in the course
# folder, so formgrader finds nbgrader_config.py there. Instructors open it at
# /services/<course>/ ("Services" in the hub's menu).
c.JupyterHub.services = [{
    "name": COURSE,
    "url": "http://127.0.0.1:9999",
    "command": ["jupyterhub-singleuser"],
    "user": GRADER,
    "cwd": COURSE_ROOT,
    "environment": {
        "JUPYTERHUB_DEFAULT_URL": "/lab",
        "AUGCOURSE_EXCHANGE": EXCHANGE,
        # a PostgreSQL gradebook for a large class (see INSTRUCTORS.md); SQLite otherwise
        **({"AUGCOURSE_DB_URL": os.environ["AUGCOURSE_DB_URL"]}
           if os.environ.get("AUGCOURSE_DB_URL") else {}),
    },
    "oauth_no_confirm": True,
}]

# Students' servers open JupyterLab. Their nbgrader finds the course and the exchange in
# /etc/jupyter/nbgrader_config.py on the server (two lines, in INSTRUCTORS.md):
#     c.CourseDirectory.course_id = "augmentation"
#     c.Exchange.root = "/srv/nbgrader/exchange"
c.Spawner.default_url = "/lab"

# Formgrader inside JupyterLab is an iframe, and since JupyterHub 4.1 every server behind a hub
# sends "Content-Security-Policy: frame-ancestors 'none'", so the Formgrader tab stays blank.
# Open formgrader in its own browser tab instead: /services/<course>/formgrader (the test checks
# that this works). Allowing frames again ('self') is unsafe while all users share one origin;
# do it only with JupyterHub.enable_subdomains = True (wildcard DNS and certificate).
