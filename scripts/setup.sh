#!/usr/bin/env bash
# Installs everything chitieu needs on a fresh Debian machine (idempotent): system packages,
# then a virtual environment .venv with the Python package built from this tree and its test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(g++ pkg-config libeigen3-dev libboost-test-dev libboost-math-dev
                 libtomlplusplus-dev libutf8proc-dev doxygen chromium clang clang-format libclang-rt-14-dev
                 libgtest-dev libgmock-dev libreoffice-writer-nogui poppler-utils fonts-liberation)
missing=()
for p in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  $sudo_cmd apt-get clean  # the downloaded .deb files (about a gigabyte with Chromium and LibreOffice)
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check cmake ninja "pybind11>=2.12" "scikit-build-core>=0.10"
echo "setup: building and installing the chitieu Python package into .venv"
.venv/bin/python -m pip install -q --disable-pip-version-check ".[test,bench,vn,dask]"
