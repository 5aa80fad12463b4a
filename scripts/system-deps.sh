#!/usr/bin/env bash
# Install the Debian packages goalwriter needs for a purpose: python | run | test | docs.
# As root it runs apt-get; otherwise it prints the exact apt-get line and stops.
set -euo pipefail
purpose="${1:-test}"

qt_offscreen="libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 fonts-dejavu-core"
qt_xcb="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0"
case "$purpose" in
  python) wanted="python3 python3-venv" ;;
  run) wanted="$qt_offscreen $qt_xcb" ;;
  test) wanted="$qt_offscreen postgresql" ;;
  docs) wanted="$qt_offscreen libreoffice-writer-nogui poppler-utils fonts-crosextra-carlito" ;;
  *) echo "system-deps: unknown purpose $purpose" >&2; exit 2 ;;
esac

command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian: nothing we can check
missing=()
for pkg in $wanted; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if [[ "$purpose" == python ]] && command -v "${PYTHON:-python3}" >/dev/null 2>&1 \
   && "${PYTHON:-python3}" -c "import venv, ensurepip" 2>/dev/null; then
  missing=()   # a Python with venv and ensurepip is already here (it need not be Debian's)
fi
[[ ${#missing[@]} -eq 0 ]] && exit 0

line="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  echo "system-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "goalwriter needs these Debian packages; please run:" >&2
  echo "  sudo $line" >&2
  exit 1
fi
