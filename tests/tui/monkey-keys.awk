# Seeded random keys for the planner's monkey test (tests/tui/monkey.sh).
# Usage: awk -v seed=N -v n=KEYS -f monkey-keys.awk
# One key a line: "K NAME" a tmux key name, "H XX XX..." raw bytes (hex).
# Keys that leave the planner (q, F10, Ctrl-C, Ctrl-\) or stop it (Ctrl-Z) are never sent: the
# test quits itself at the end. '/' and 'q' are sent only as keys, never
# inside prompt text, so no prompt writes a file outside the scratch directory.
BEGIN {
    srand(seed)
    for (c = 32; c < 127; c++) hex[sprintf("%c", c)] = sprintf("%02x", c)
    # The planner's own keys (tui/keys.c), but the quit keys.
    nplan = split("? Tab BTab Up Down j k Left h Right PPage NPage Home g End G Space e Enter " \
                  "+ = - l m M p H v L f u C-y M-u o w x / n W ! D C-l F1 Escape T A C K", plan_keys, " ")
    # Keys that open a prompt: random input follows, then Enter or Escape.
    split("m M p H o w W x /", pk, " ")
    for (i in pk) prompt_key[pk[i]] = 1
    # Values the prompts parse, good and bad.
    nval = split("96G 512MiB 1.5TiB 0 none auto 1 257 -1 4096 18446744073709551615K 99999999T " \
                 "1e3 abc 0x10 .5G 7,5G 64 GiB 2 256 ", values, " ")
    safe = "abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;-_+=*#%@!?~()[]{}<>'\"\\|&^$`"
    nfn = split("F2 F3 F4 F5 F6 F7 F8 F9 F11 F12 IC DC BSpace Escape Enter Tab BTab Home End " \
                "PPage NPage S-Up S-Down C-Up C-Left M-Right M-a M-x M-Enter KP5 KPEnter", fn, " ")
    nctl = split("a b d e f g h i j k l m n o p q r s t u v w x y", ctl, " ")
    # Non-ASCII input: accents, CJK (two columns), an emoji, a combining mark,
    # a right-to-left mark, and broken UTF-8.
    nutf = split("c3a9 e4b8ad e69687 f09f9982 65cc81 e2808f ff c3 e282 c0af edb080", utf, " ")
    count = 0
    while (count < n) {
        r = rand()
        if (r < 0.45) plan_key()
        else if (r < 0.63) emit_text(1 + int(rand() * 3))
        else if (r < 0.73) { k = ctl[1 + int(rand() * nctl)]; emit("K C-" k) }
        else if (r < 0.85) emit("K " fn[1 + int(rand() * nfn)])
        else if (r < 0.93) raw_sequence()
        else emit("H " spaced(utf[1 + int(rand() * nutf)]))
    }
}
function emit(line) {
    if (count < n) { print line; count++ }
}
function spaced(h,    out, i) {
    out = substr(h, 1, 2)
    for (i = 3; i <= length(h); i += 2) out = out " " substr(h, i, 2)
    return out
}
function text_hex(s,    out, i) {
    out = ""
    for (i = 1; i <= length(s); i++) out = out (out == "" ? "" : " ") hex[substr(s, i, 1)]
    return out
}
# Up to `len` characters of safe text, one key each.
function emit_text(len,    i) {
    for (i = 0; i < len; i++) emit("H " hex[substr(safe, 1 + int(rand() * length(safe)), 1)])
}
function plan_key(    k, r, v) {
    k = plan_keys[1 + int(rand() * nplan)]
    emit(length(k) == 1 ? "H " hex[k] : "K " k)
    if (!(k in prompt_key)) return
    r = rand()
    if (r < 0.5) {
        emit("K C-u")
        v = values[1 + int(rand() * nval)]
        if (v != "") emit("H " text_hex(v))
    } else if (r < 0.8) {
        emit_text(int(rand() * 8))
    } else {
        emit("K BSpace")
    }
    emit(rand() < 0.7 ? "K Enter" : "K Escape")
}
# Escape sequences: CSI with random parameters, SGR mouse clicks and wheel on
# the 100x30 screen, SS3, and bare ESC followed by a byte.
function raw_sequence(    r, b, s, x, y) {
    r = rand()
    if (r < 0.4) {
        b = int(rand() * 4)
        b = b == 3 ? 64 + int(rand() * 2) : b
        x = 1 + int(rand() * 100); y = 1 + int(rand() * 30)
        s = sprintf("\033[<%d;%d;%dM", b, x, y)
        emit("H 1b " text_hex(substr(s, 2)))
        if (b < 3) emit("H 1b " text_hex(substr(sprintf("\033[<%d;%d;%dm", b, x, y), 2)))
    } else if (r < 0.8) {
        s = sprintf("[%d;%d%c", int(rand() * 40), int(rand() * 9), 64 + int(rand() * 62))
        if (s !~ /^\[21;/) emit("H 1b " text_hex(s))
    } else if (r < 0.9) {
        emit("H 1b " text_hex("O" sprintf("%c", 65 + int(rand() * 26))))
    } else {
        emit("H 1b " hex[substr(safe, 1 + int(rand() * length(safe)), 1)])
    }
}
