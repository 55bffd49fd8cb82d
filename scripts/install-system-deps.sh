#!/bin/sh
# Install the system programs miner uses for old archives, where it can:
#   tesseract-ocr, tesseract-ocr-vie  OCR of scanned PDFs (miner/readers/ocr.py)
#   antiword, catdoc                   Word 97 .doc files (miner/readers/doc97.py)
# Idempotent: does nothing when they are installed. Without apt-get or root it only warns
# (the tests that need these programs then skip, saying what to install).
# Usage: sh scripts/install-system-deps.sh
set -u

PACKAGES="tesseract-ocr tesseract-ocr-vie antiword catdoc"

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done

if [ -z "$missing" ]; then
    echo "install-system-deps: all present ($PACKAGES)"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-system-deps: WARNING: no apt-get here; install by hand:$missing" >&2
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-system-deps: WARNING: not root; run: sudo apt-get install -y$missing" >&2
    exit 0
fi

echo "install-system-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1; then
    apt-get update -q >/dev/null 2>&1 || true
    if ! apt-get install -y -q --no-install-recommends $missing; then
        echo "install-system-deps: WARNING: apt-get could not install$missing" >&2
        exit 0
    fi
fi
echo "install-system-deps: done"
