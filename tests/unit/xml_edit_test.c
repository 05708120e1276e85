/* Setting hard_limit in a domain XML: exact bytes out, nothing else moved. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "test_util.h"
#include "xml_edit.h"

#define HL "<hard_limit unit='KiB'>5242880</hard_limit>"

static void edit_is(const char *in, const char *want)
{
    struct mp_error err = { 0 };
    size_t len = 0;
    char *got = xml_set_hard_limit(in, strlen(in), "t.xml", 5242880, &len, &err);
    if (!got)
        fail_msg("refused: %s", err.text);
    assert_int_equal(len, strlen(got));
    assert_string_equal(got, want);
    free(got);
}

static void refused(const char *in, size_t len, const char *needle)
{
    struct mp_error err = { 0 };
    size_t out_len = 0;
    char *got = xml_set_hard_limit(in, len, "t.xml", 1, &out_len, &err);
    assert_null(got);
    assert_int_equal(err.kind, MP_ERR_INPUT);
    if (!strstr(err.text, needle))
        fail_msg("message '%s' lacks '%s'", err.text, needle);
    assert_non_null(strstr(err.text, "t.xml"));
}

static void test_replace(void **state)
{
    (void)state;
    edit_is("<domain type=\"kvm\">\n  <memtune>\n    <hard_limit unit=\"G\">2</hard_limit>\n"
            "    <soft_limit unit='KiB'>1</soft_limit>\n  </memtune>\n</domain>\n",
            "<domain type=\"kvm\">\n  <memtune>\n    " HL "\n"
            "    <soft_limit unit='KiB'>1</soft_limit>\n  </memtune>\n</domain>\n");
    /* Not the first child, odd spacing inside the tag. */
    edit_is("<domain><memtune><soft_limit>1</soft_limit><hard_limit >9</hard_limit ></memtune>"
            "</domain>",
            "<domain><memtune><soft_limit>1</soft_limit>" HL "</memtune></domain>");
}

static void test_insert_into_memtune(void **state)
{
    (void)state;
    edit_is("<domain>\n\t<memtune>\n\t\t<soft_limit>1</soft_limit>\n\t</memtune>\n</domain>",
            "<domain>\n\t<memtune>\n\t\t" HL "\n\t\t<soft_limit>1</soft_limit>\n\t</memtune>\n"
            "</domain>");
    edit_is("<domain>\n  <name>a</name>\n  <memtune/>\n</domain>\n",
            "<domain>\n  <name>a</name>\n  <memtune>\n    " HL "\n  </memtune>\n</domain>\n");
    edit_is("<domain>\n  <name>a</name>\n  <memtune></memtune>\n</domain>\n",
            "<domain>\n  <name>a</name>\n  <memtune>\n    " HL "\n  </memtune>\n</domain>\n");
    /* A comment inside stays, after the new element. */
    edit_is("<domain>\n  <name>a</name>\n  <memtune><!-- tuned -->\n  </memtune>\n</domain>\n",
            "<domain>\n  <name>a</name>\n  <memtune>\n    " HL "<!-- tuned -->\n  </memtune>\n"
            "</domain>\n");
}

static void test_insert_memtune(void **state)
{
    (void)state;
    /* After the last of name/uuid/memory/currentMemory..., before vcpu. */
    edit_is("<domain type='kvm'>\n  <name>g</name>\n  <memory unit='KiB'>1</memory>\n"
            "  <currentMemory unit='KiB'>1</currentMemory>\n  <vcpu>1</vcpu>\n</domain>\n",
            "<domain type='kvm'>\n  <name>g</name>\n  <memory unit='KiB'>1</memory>\n"
            "  <currentMemory unit='KiB'>1</currentMemory>\n  <memtune>\n    " HL "\n"
            "  </memtune>\n  <vcpu>1</vcpu>\n</domain>\n");
    /* Odd order: memory last of them although vcpu comes first. */
    edit_is("<domain>\n    <vcpu>1</vcpu>\n    <memory>1</memory>\n    <os/>\n</domain>",
            "<domain>\n    <vcpu>1</vcpu>\n    <memory>1</memory>\n    <memtune>\n        " HL
            "\n    </memtune>\n    <os/>\n</domain>");
    /* None of them: first child. */
    edit_is("<domain>\n  <vcpu>1</vcpu>\n</domain>",
            "<domain>\n  <memtune>\n    " HL "\n  </memtune>\n  <vcpu>1</vcpu>\n</domain>");
    /* One line: no whitespace added. */
    edit_is("<domain type='kvm'><name>a</name><memory>1</memory><vcpu>1</vcpu></domain>",
            "<domain type='kvm'><name>a</name><memory>1</memory><memtune>" HL "</memtune>"
            "<vcpu>1</vcpu></domain>");
    /* CRLF line ends are kept. */
    edit_is("<domain>\r\n  <memory>1</memory>\r\n</domain>\r\n",
            "<domain>\r\n  <memory>1</memory>\r\n  <memtune>\r\n    " HL "\r\n  </memtune>\r\n"
            "</domain>\r\n");
}

/* What only looks like memtune is left alone. */
static void test_lookalikes(void **state)
{
    (void)state;
    edit_is("<?xml version='1.0'?>\n<!-- <memtune><hard_limit>1</hard_limit></memtune> -->\n"
            "<domain xmlns:x='urn:x'>\n  <name a='x>y' b=\"&lt;memtune>\">n</name>\n"
            "  <description><![CDATA[<memtune></memtune>]]></description>\n"
            "  <x:memtune><hard_limit>3</hard_limit></x:memtune>\n"
            "  <devices><memtune><hard_limit>4</hard_limit></memtune></devices>\n</domain>",
            "<?xml version='1.0'?>\n<!-- <memtune><hard_limit>1</hard_limit></memtune> -->\n"
            "<domain xmlns:x='urn:x'>\n  <name a='x>y' b=\"&lt;memtune>\">n</name>\n"
            "  <description><![CDATA[<memtune></memtune>]]></description>\n"
            "  <memtune>\n    " HL "\n  </memtune>\n"
            "  <x:memtune><hard_limit>3</hard_limit></x:memtune>\n"
            "  <devices><memtune><hard_limit>4</hard_limit></memtune></devices>\n</domain>");
}

static void test_bare_doctype(void **state)
{
    (void)state;
    edit_is("<!DOCTYPE domain>\n<domain>\n  <memory>1</memory>\n</domain>\n",
            "<!DOCTYPE domain>\n<domain>\n  <memory>1</memory>\n  <memtune>\n    " HL
            "\n  </memtune>\n</domain>\n");
}

static void test_refused(void **state)
{
    (void)state;
#define R(s, needle) refused(s, sizeof(s) - 1, needle)
    R("<domain><memory>1</memory>", "not well-formed");
    R("<guest><memory>1</memory></guest>", "not <domain>");
    R("<!DOCTYPE domain [<!ENTITY a 'b'>]><domain><name>&a;</name></domain>", "DOCTYPE");
    R("<!DOCTYPE domain SYSTEM 'file:///etc/passwd'><domain/>", "DOCTYPE");
    R("<!DOCTYPE domain [<!ELEMENT domain ANY>]><domain><name>a</name></domain>", "DOCTYPE");
    R("<!DOCTYPE d [<!ENTITY a 'x'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
      "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]><domain>&c;</domain>", "DOCTYPE");
    R("<domain><memtune/><memtune/></domain>", "more than one <memtune>");
    R("<domain><memtune><hard_limit>1</hard_limit><hard_limit>2</hard_limit></memtune></domain>",
      "more than one <hard_limit>");
    R("<domain/>", "empty");
    R("<domain>\0</domain>", "NUL");
    R("", "not well-formed");
#undef R
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replace),
        cmocka_unit_test(test_insert_into_memtune),
        cmocka_unit_test(test_insert_memtune),
        cmocka_unit_test(test_lookalikes),
        cmocka_unit_test(test_bare_doctype),
        cmocka_unit_test(test_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
