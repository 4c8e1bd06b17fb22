import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

# The user's own configuration file and the trusted keys' environment variables of whoever runs the
# tests must not reach them: an empty config home, and no CITELINT_ALLOW_PRIVATE_HOSTS / CITELINT_CACHE_DIR.
_config_home = tempfile.mkdtemp(prefix="citelint-test-config-")
atexit.register(shutil.rmtree, _config_home, True)
os.environ["XDG_CONFIG_HOME"] = _config_home
for _var in ("CITELINT_ALLOW_PRIVATE_HOSTS", "CITELINT_CACHE_DIR"):
    os.environ.pop(_var, None)
