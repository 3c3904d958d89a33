"""An extractor that never answers, and has started a helper process that never ends either.

The helper's process id is written to the file named by the first argument, so a
test can check that it was killed with the extractor.
"""

from __future__ import annotations

import subprocess
import sys
import time

helper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
with open(sys.argv[1], "w", encoding="utf-8") as handle:
    handle.write(str(helper.pid))
time.sleep(120)
