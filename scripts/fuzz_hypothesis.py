#!/usr/bin/env python3
"""Run the adversarial hypothesis suite with a raised example budget.

    python scripts/fuzz_hypothesis.py [EXAMPLES]     (default 2000 per parser)
"""

import os
import subprocess
import sys
from pathlib import Path

examples = sys.argv[1] if len(sys.argv) > 1 else "2000"
root = Path(__file__).resolve().parent.parent
env = dict(os.environ, NEWSLINT_FUZZ_EXAMPLES=examples)
print(f"hypothesis: {examples} examples per parser (3 parsers)")
sys.exit(subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          str(root / "tests" / "test_fuzz.py"), "-k", "adversarial"], cwd=root, env=env))
