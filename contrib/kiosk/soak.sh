#!/bin/sh
# Soak test: runs `hiwaic --kiosk` in a tmux terminal for SOAK_MINUTES (default 30) of generated
# visitor use (questions in three languages, scanned codes, screens, QR hand-offs, idle resets),
# and prints the process's resident memory at the start, each minute and at the end.
# Usage: contrib/kiosk/soak.sh [BINARY]   (default .build/release/hiwaic; make soak builds it)
set -eu
binary=${1:-.build/release/hiwaic}
minutes=${SOAK_MINUTES:-30}
socket=$(mktemp -u /tmp/hiwaic-soak.XXXXXX)
tmux="tmux -S $socket -f /dev/null"
trap '$tmux kill-server 2>/dev/null || true; rm -f "$socket"' EXIT

$tmux new-session -d -s soak -x 120 -y 40 \
  "HIWAIC_ADMIN_PIN=soak-$$ LANG=C.UTF-8 TERM=screen-256color $binary --kiosk --idle 20 --at eh-1f-north --now 2025-07-26T10:00"
sleep 1
# The pane's shell may have exec'd hiwaic itself, or started it as its child.
pid=$($tmux list-panes -t soak -F '#{pane_pid}')
[ "$(readlink -f "/proc/$pid/exe")" = "$(readlink -f "$binary")" ] || pid=$(pgrep -P "$pid" | head -n 1)
[ -n "$pid" ] || { echo "soak: hiwaic did not start"; exit 1; }
rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
start=$(rss)
echo "soak: pid $pid, $minutes min; RSS at start ${start} kB"

send() { $tmux send-keys -t soak "$@"; }
questions='where is Unitree?|宇树科技在哪里？|which forums on AI governance are tomorrow afternoon?|plan me two hours of robotics|Wo ist Huawei?|where is the nearest restroom|City Walk routes|明天下午有哪些论坛？'
codes='WAIC:ZONE:H1-A WAIC:ZONE:H3-A WAIC:ZONE:B1-A WAIC:ROOM:RED-HALL WAIC:ROOM:GREEN-HALL'
end=$(( $(date +%s) + minutes * 60 ))
minute=0
visitor=0
while [ "$(date +%s)" -lt "$end" ]; do
  visitor=$((visitor + 1))
  send Enter
  n=$((visitor % 8 + 1))
  question=$(echo "$questions" | cut -d'|' -f$n)
  send -l "$question"; send Enter; sleep 0.3
  send Down Down Enter; sleep 0.3; send Escape
  code=$(echo "$codes" | tr ' ' '\n' | sed -n "$((visitor % 5 + 1))p")
  send -l "$code"; send Enter; sleep 0.3
  send F3; send -l "uni"; send Enter f; send F4 Right Down f; send F5 + + Right; send F8 e; sleep 0.3
  send Escape F9 F2; send -l "$question"; send Enter; sleep 0.3
  # Every third visitor walks away: the kiosk counts down and resets.
  if [ $((visitor % 3)) -eq 0 ]; then sleep 21; fi
  now=$(( (minutes * 60 - (end - $(date +%s))) / 60 ))
  if [ "$now" -gt "$minute" ]; then
    minute=$now
    [ -d "/proc/$pid" ] || { echo "soak: hiwaic exited"; exit 1; }
    echo "soak: minute $minute, visitors $visitor, RSS $(rss) kB"
  fi
done
[ -d "/proc/$pid" ] || { echo "soak: hiwaic exited"; exit 1; }
final=$(rss)
echo "soak: $visitor visitors in $minutes min; RSS start ${start} kB, end ${final} kB, growth $((final - start)) kB"
