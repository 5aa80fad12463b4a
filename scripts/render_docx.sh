#!/usr/bin/env bash
# Render Word documents to PDF and PNG pages, to look at what an export really prints like.
#
#   scripts/render_docx.sh OUT_DIR FILE.docx [FILE.docx ...]
#
# For each FILE it writes OUT_DIR/FILE.pdf and OUT_DIR/FILE-1.png, FILE-2.png, ... (70 dpi), and prints
# the page count. Needs LibreOffice and poppler:  apt-get install -y libreoffice-writer-nogui poppler-utils
# Install fonts-crosextra-carlito too: it has Calibri's metrics, so lines and pages break as in Word.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 OUT_DIR FILE.docx [FILE.docx ...]" >&2
  exit 2
fi
out="$1"; shift
for tool in soffice pdftoppm pdfinfo; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "render_docx: $tool is missing; apt-get install -y libreoffice-writer-nogui poppler-utils" >&2
    exit 2
  fi
done
if command -v fc-list >/dev/null 2>&1 && ! fc-list : family | grep -i -e carlito -e calibri >/dev/null; then
  echo "render_docx: note: no Calibri or Carlito font; pages may break differently than in Word" >&2
fi
mkdir -p "$out"
# a private LibreOffice profile, so a running LibreOffice (or a stale lock) does not get in the way
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for file in "$@"; do
  stem="$(basename "${file%.*}")"
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$file" >/dev/null 2>&1
  pdf="$out/$stem.pdf"
  if [[ ! -s "$pdf" ]]; then
    echo "render_docx: LibreOffice could not convert $file" >&2
    exit 1
  fi
  rm -f "$out/$stem"-*.png
  pdftoppm -png -r "${DPI:-70}" "$pdf" "$out/$stem"
  pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
  echo "$file: $pages page(s) -> $out/$stem-*.png"
done
