#!/usr/bin/env bash
# Generates the small stand-in sample media shipped with Facilitator Kiosk.
# These are placeholders only: the clinic binds its own licensed videos and
# relaxation tape in the app's media library.
#
# Usage: bash resources/media/make-sample-media.sh   (needs ffmpeg and espeak-ng)
#
# Outputs (paths relative to the repo root):
#   resources/curricula/hhrp-group-5/media/negotiation-vignettes.mp4  2:00, moov at END
#   resources/curricula/hhrp-group-5/media/latex-negotiation.mp4      1:00, moov at START (faststart)
#   resources/media/relaxation-track.ogg                              10:00, Ogg/Opus mono
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
MEDIA_DIR="$(pwd)"
CURRICULUM_MEDIA_DIR="$MEDIA_DIR/../curricula/hhrp-group-5/media"

for tool in ffmpeg ffprobe espeak-ng; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "error: '$tool' not found on PATH." >&2
    echo "       Install it first, e.g. on Debian/Ubuntu: apt-get install -y ffmpeg espeak-ng fonts-dejavu-core" >&2
    exit 1
  fi
done

# Fonts for drawtext (DejaVu preferred; fall back to anything fontconfig finds).
FONT_BOLD=""
FONT_REG=""
for f in /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf; do [[ -f $f ]] && FONT_BOLD=$f; done
for f in /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf; do [[ -f $f ]] && FONT_REG=$f; done
if [[ -z $FONT_BOLD || -z $FONT_REG ]]; then
  if command -v fc-match >/dev/null 2>&1; then
    [[ -z $FONT_BOLD ]] && FONT_BOLD="$(fc-match -f '%{file}' 'sans:bold')"
    [[ -z $FONT_REG ]] && FONT_REG="$(fc-match -f '%{file}' 'sans')"
  fi
fi
if [[ -z $FONT_BOLD || ! -f $FONT_BOLD || -z $FONT_REG || ! -f $FONT_REG ]]; then
  echo "error: no usable TTF font found (install fonts-dejavu-core)." >&2
  exit 1
fi

mkdir -p "$CURRICULUM_MEDIA_DIR"
WORK="$(mktemp -d)"
PENDING=()
cleanup() {
  rm -rf "$WORK"
  local p
  for p in "${PENDING[@]+"${PENDING[@]}"}"; do rm -f "$p"; done
}
trap cleanup EXIT

FF=(ffmpeg -hide_banner -loglevel error -nostdin -y)
VOICE="en-us+f3"
STANDIN_LINE="Stand-in video — bind your licensed copy"

# Common video/audio encoding settings for both MP4s.
VENC=(-c:v libx264 -preset slow -profile:v main -pix_fmt yuv420p -r 25
  -g 25 -keyint_min 25 -sc_threshold 0
  -crf 30 -maxrate 120k -bufsize 240k
  -c:a aac -b:a 32k -ac 1 -ar 44100)

# speak OUT.wav RATE "text"   -> mono 44.1 kHz wav
speak() {
  local out=$1 rate=$2 text=$3
  espeak-ng -v "$VOICE" -s "$rate" -w "$WORK/raw.wav" "$text"
  "${FF[@]}" -i "$WORK/raw.wav" -ac 1 -ar 44100 "$out"
}

# write_text FILE "text" — drawtext reads text from files so no escaping is needed.
write_text() { printf '%s' "$2" >"$1"; }

# Temp output next to the final file (same filesystem) so the mv is atomic.
tmp_for() {
  local final=$1 ext=${1##*.}
  local t
  t="$(dirname "$final")/.$(basename "$final" ".$ext").tmp.$$.$ext"
  PENDING+=("$t")
  printf '%s' "$t"
}

# Drawtext fragment for a title card: big title (SIZE px) + stand-in line (from text files).
# card_text TITLE_FILE LINE_FILE SIZE
card_text() {
  local title_file=$1 line_file=$2 size=$3
  printf "drawtext=fontfile='%s':textfile='%s':fontsize=%s:fontcolor=white:x=(w-text_w)/2:y=(h-text_h)/2-30," "$FONT_BOLD" "$title_file" "$size"
  printf "drawtext=fontfile='%s':textfile='%s':fontsize=24:fontcolor=white@0.85:x=(w-text_w)/2:y=(h/2)+40" "$FONT_REG" "$line_file"
}

# Running timecode in the bottom-right corner.
TIMECODE="drawtext=fontfile='$FONT_REG':text='%{pts\\:hms}':fontsize=20:fontcolor=white@0.9:box=1:boxcolor=black@0.4:boxborderw=6:x=w-text_w-16:y=h-text_h-16"

write_text "$WORK/standin.txt" "$STANDIN_LINE"

########################################################################
# 1. negotiation-vignettes.mp4 — 4 x 30 s, moov atom at the END (no faststart)
########################################################################
echo "Generating negotiation-vignettes.mp4 ..."
COLORS=(0x1a2a5e 0x1c4a2a 0x5e1a24 0x3e1f5e) # navy, dark green, maroon, dark purple
WORDS=(one two three four)
inputs=()
filter=""
for i in 0 1 2 3; do
  n=$((i + 1))
  write_text "$WORK/title$n.txt" "Vignette $n"
  speak "$WORK/vig$n.wav" 150 "Vignette ${WORDS[$i]}. Stand-in video."
  inputs+=(-f lavfi -i "color=c=${COLORS[$i]}:s=640x360:r=25:d=30")
  inputs+=(-i "$WORK/vig$n.wav")
  v=$((2 * i)) a=$((2 * i + 1))
  filter+="[$v:v]$(card_text "$WORK/title$n.txt" "$WORK/standin.txt" 64)[v$n];"
  filter+="[$a:a]adelay=500:all=1,apad=whole_dur=30,atrim=0:30,asetpts=N/SR/TB[a$n];"
done
filter+="[v1][a1][v2][a2][v3][a3][v4][a4]concat=n=4:v=1:a=1[vc][ac];"
filter+="[vc]${TIMECODE}[vout]"
out="$CURRICULUM_MEDIA_DIR/negotiation-vignettes.mp4"
tmp="$(tmp_for "$out")"
"${FF[@]}" "${inputs[@]}" -filter_complex "$filter" -map "[vout]" -map "[ac]" \
  "${VENC[@]}" -t 120 -f mp4 "$tmp"
mv -f "$tmp" "$out"

########################################################################
# 2. latex-negotiation.mp4 — 60 s, moov atom at the START (+faststart)
########################################################################
echo "Generating latex-negotiation.mp4 ..."
write_text "$WORK/latex-title.txt" "Latex negotiation and purchase"
speak "$WORK/latex.wav" 150 "Latex negotiation and purchase. Stand-in video."
filter="[0:v]$(card_text "$WORK/latex-title.txt" "$WORK/standin.txt" 32),${TIMECODE}[vout];"
filter+="[1:a]adelay=500:all=1,apad=whole_dur=60,atrim=0:60,asetpts=N/SR/TB[aout]"
out="$CURRICULUM_MEDIA_DIR/latex-negotiation.mp4"
tmp="$(tmp_for "$out")"
"${FF[@]}" -f lavfi -i "color=c=0x2a2f36:s=640x360:r=25:d=60" -i "$WORK/latex.wav" \
  -filter_complex "$filter" -map "[vout]" -map "[aout]" \
  "${VENC[@]}" -movflags +faststart -t 60 -f mp4 "$tmp"
mv -f "$tmp" "$out"

########################################################################
# 3. relaxation-track.ogg — 10:00 Ogg/Opus mono, soft noise + spoken script
########################################################################
echo "Generating relaxation-track.ogg ..."
# "start-second|text" — spread through the 10 minutes; last line ends well before 600 s.
SCRIPT=(
  "3|Welcome. This is your time to relax. Find a comfortable position in your chair."
  "30|Uncross your legs, and let your feet rest flat on the floor. Let your hands rest in your lap."
  "65|When you are ready, gently close your eyes."
  "95|Breathe in slowly through your nose... and breathe out, slowly, through your mouth."
  "130|Again. Breathe in... hold it for a moment... and breathe out. Let the air carry your tension away."
  "170|Notice your shoulders. Let them drop, and let them relax."
  "205|Let your jaw soften. Let your forehead be smooth and still."
  "240|Now imagine a quiet beach. The sand is soft and warm beneath you."
  "280|Feel the warm sun on your face. Listen to the waves, rolling in, and rolling out."
  "320|With every wave, you feel a little more calm, a little more at ease."
  "360|If a thought comes along, that is fine. Just let it drift by, like a cloud, and return to your breathing."
  "400|Breathe in slowly... and breathe out. Your arms and legs feel heavy and warm."
  "440|You are safe, and you are calm. Stay here a while, and enjoy the quiet."
  "500|In a moment, we will come back to the room. Take one more slow, deep breath."
  "530|Begin to notice the sounds around you. Wiggle your fingers and your toes."
  "560|Slowly open your eyes... welcome back."
)
inputs=(-f lavfi -i "anoisesrc=color=brown:amplitude=0.5:sample_rate=48000:duration=600:seed=42")
filter="[0:a]lowpass=f=500,highpass=f=40,volume=0.12[noise];"
mix="[noise]"
k=0
for entry in "${SCRIPT[@]}"; do
  k=$((k + 1))
  at=${entry%%|*}
  text=${entry#*|}
  speak "$WORK/relax$k.wav" 120 "$text"
  inputs+=(-i "$WORK/relax$k.wav")
  filter+="[$k:a]aresample=48000,adelay=$((at * 1000)):all=1[s$k];"
  mix+="[s$k]"
done
filter+="${mix}amix=inputs=$((k + 1)):duration=first:normalize=0,atrim=0:600,afade=t=in:d=2,afade=t=out:st=595:d=5[aout]"
out="$MEDIA_DIR/relaxation-track.ogg"
tmp="$(tmp_for "$out")"
"${FF[@]}" "${inputs[@]}" -filter_complex "$filter" -map "[aout]" \
  -c:a libopus -b:a 14k -application audio -ac 1 -ar 48000 -t 600 -f ogg "$tmp"
mv -f "$tmp" "$out"

########################################################################
echo "Done:"
for f in "$CURRICULUM_MEDIA_DIR/negotiation-vignettes.mp4" \
  "$CURRICULUM_MEDIA_DIR/latex-negotiation.mp4" \
  "$MEDIA_DIR/relaxation-track.ogg"; do
  d="$(ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$f")"
  printf '  %-28s %8s bytes  %ss\n' "$(basename "$f")" "$(stat -c %s "$f")" "$d"
done
