/* The key registry (tui/keys.c): every action has a key, every footer item
 * names keys that are bound in its mode to its action, no key is bound twice
 * in one mode, and lookups, names and --list-keys agree with the table. */
#include "config.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "test_util.h"

#define FN(k) ((k) | KEYS_FN)

static bool has_keys(const struct key_entry *e)
{
    return e->keys[0] || (e->tkeys && *e->tkeys);
}

static void test_every_action_has_a_key(void **state)
{
    (void)state;
    size_t n;
    const struct key_entry *t = keys_table(&n);
    for (int act = ACT_NONE + 1; act < ACT_COUNT; act++) {
        bool found = false;
        for (size_t i = 0; i < n; i++)
            if (t[i].action == (enum action)act && has_keys(&t[i]) && t[i].modes)
                found = true;
        if (!found)
            fail_msg("action %d has no key", act);
    }
}

/* Every code and answer letter of entry e, as keys. */
static size_t entry_keys(const struct key_entry *e, int *out, size_t max)
{
    size_t k = 0;
    for (int i = 0; i < KEYS_MAX && e->keys[i] && k < max; i++)
        out[k++] = e->keys[i];
    for (const char *s = e->tkeys; s && *s && k < max; s++)
        out[k++] = (unsigned char)*s;
    return k;
}

static void test_no_key_twice_in_a_mode(void **state)
{
    (void)state;
    size_t n;
    const struct key_entry *t = keys_table(&n);
    for (size_t i = 0; i < n; i++) {
        int ki[KEYS_MAX + 8];
        size_t nk = entry_keys(&t[i], ki, KEYS_MAX + 8);
        for (size_t j = i + 1; j < n; j++) {
            if (!(t[i].modes & t[j].modes))
                continue;
            int kj[KEYS_MAX + 8];
            size_t mk = entry_keys(&t[j], kj, KEYS_MAX + 8);
            for (size_t a = 0; a < nk; a++)
                for (size_t b = 0; b < mk; b++)
                    if (ki[a] == kj[b]) {
                        char name[32];
                        keys_name(ki[a], name, sizeof(name));
                        fail_msg("key %s is bound twice in modes 0x%x (entries %zu and %zu)",
                                 name, t[i].modes & t[j].modes, i, j);
                    }
        }
    }
}

static void test_lookup_follows_the_table(void **state)
{
    (void)state;
    size_t n;
    const struct key_entry *t = keys_table(&n);
    for (size_t i = 0; i < n; i++) {
        int k[KEYS_MAX + 8];
        size_t nk = entry_keys(&t[i], k, KEYS_MAX + 8);
        for (unsigned m = 1; m <= KM_ALL_MODES; m <<= 1)
            if (t[i].modes & m)
                for (size_t a = 0; a < nk; a++)
                    assert_int_equal(keys_lookup(m, k[a]), t[i].action);
    }
    assert_int_equal(keys_lookup(KM_NORMAL, 'q'), ACT_QUIT);
    assert_int_equal(keys_lookup(KM_TOUR, 'q'), ACT_CLOSE);
    assert_int_equal(keys_lookup(KM_VIEW, 'q'), ACT_CLOSE);
    assert_int_equal(keys_lookup(KM_PROMPT, 'q'), ACT_NONE); /* text */
    assert_int_equal(keys_lookup(KM_PROMPT, 'h'), ACT_NONE);
    assert_int_equal(keys_lookup(KM_NORMAL, FN(KEY_F(1))), ACT_HELP);
    assert_int_equal(keys_lookup(KM_CONFIRM, 'Y'), ACT_YES); /* either case */
    assert_int_equal(keys_lookup(KM_VIEW, 'r'), ACT_NONE);   /* guests only */
    assert_int_equal(keys_lookup(KM_VIEW | KM_GUESTS, 'r'), ACT_REFRESH);
}

/* The key whose name is `name` bound in mode m, or 0. */
static int key_named(unsigned m, const char *name)
{
    size_t n;
    const struct key_entry *t = keys_table(&n);
    for (size_t i = 0; i < n; i++) {
        if (!(t[i].modes & m))
            continue;
        int k[KEYS_MAX + 8];
        size_t nk = entry_keys(&t[i], k, KEYS_MAX + 8);
        for (size_t a = 0; a < nk; a++) {
            char kn[32];
            keys_name(k[a], kn, sizeof(kn));
            if (!strcmp(kn, name))
                return k[a];
        }
    }
    return 0;
}

static void test_every_footer_item_is_bound(void **state)
{
    (void)state;
    size_t n;
    const struct key_entry *t = keys_table(&n);
    for (unsigned m = 1; m <= KM_ALL_MODES; m <<= 1) {
        unsigned mask = m == KM_GUESTS ? (KM_VIEW | KM_GUESTS) : m;
        struct key_foot f[32];
        size_t nf = keys_footer(mask, f, 32);
        /* The items are the entries with this footer mode, in order. */
        size_t e = 0;
        for (size_t i = 0; i < nf; i++) {
            while (e < n && !(t[e].foot_modes & mask))
                e++;
            assert_true(e < n);
            assert_non_null(t[e].label);
            assert_true((t[e].foot_modes & t[e].modes) == t[e].foot_modes);
            char keys[sizeof(f[i].keys)];
            memcpy(keys, f[i].keys, sizeof(keys));
            bool own = false;
            /* "F1/?" is two keys; "/" is one. */
            char *first = key_named(mask, keys) ? keys : strtok(keys, "/");
            for (char *tok = first; tok; tok = first == keys ? NULL : strtok(NULL, "/")) {
                int k = key_named(mask, tok);
                if (!k)
                    fail_msg("footer key '%s' (%s) is not bound in mode 0x%x", tok, f[i].label,
                             mask);
                enum action act = keys_lookup(mask, k);
                assert_int_not_equal(act, ACT_NONE);
                own |= act == t[e].action;
            }
            if (!own)
                fail_msg("footer item '%s %s' names no key of its own action", f[i].keys,
                         f[i].label);
            e++;
        }
    }
    /* The planner's footer starts as the tmux tests expect. */
    struct key_foot f[32];
    size_t nf = keys_footer(KM_NORMAL, f, 32);
    assert_true(nf >= 4);
    assert_string_equal(f[0].keys, "F1/?");
    assert_string_equal(f[1].keys, "q");
}

static void test_help_and_names(void **state)
{
    (void)state;
    size_t n;
    const struct key_entry *t = keys_table(&n);
    for (size_t i = 0; i < n; i++) {
        char names[128];
        keys_names(&t[i], names, sizeof(names));
        assert_true(names[0] != '\0');
        /* An entry with keys has a help line, so the help and the man page list it. */
        assert_non_null(t[i].help);
    }
    char b[32];
    keys_name(21, b, sizeof(b));
    assert_string_equal(b, "Ctrl-U");
    keys_name(KEYS_ALT | 'u', b, sizeof(b));
    assert_string_equal(b, "Alt-U");
    keys_name(FN(KEY_F(10)), b, sizeof(b));
    assert_string_equal(b, "F10");
    keys_name(' ', b, sizeof(b));
    assert_string_equal(b, "Space");
}

static void test_list_keys(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    keys_print(f);
    fclose(f);
    assert_non_null(strstr(buf, "normal\tF1 ?\t"));
    assert_non_null(strstr(buf, "prompt\tEsc Ctrl-G\t"));
    assert_non_null(strstr(buf, "tour\tn Right Enter Space\t"));
    assert_non_null(strstr(buf, "guests\tr\t"));
    /* Three tab-separated fields on every line. */
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        char *t1 = strchr(line, '\t');
        assert_non_null(t1);
        char *t2 = strchr(t1 + 1, '\t');
        assert_non_null(t2);
        assert_null(strchr(t2 + 1, '\t'));
    }
    free(buf);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_action_has_a_key),
        cmocka_unit_test(test_no_key_twice_in_a_mode),
        cmocka_unit_test(test_lookup_follows_the_table),
        cmocka_unit_test(test_every_footer_item_is_bound),
        cmocka_unit_test(test_help_and_names),
        cmocka_unit_test(test_list_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
