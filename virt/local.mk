# virt/: the only code that calls libvirt's client library (--connect URI);
# without it, virt_none.c answers every call with "built without libvirt".
noinst_LIBRARIES += virt/libmpvirt.a
virt_libmpvirt_a_SOURCES = virt/virt.h
if HAVE_LIBVIRT
virt_libmpvirt_a_SOURCES += \
	virt/virt_priv.h \
	virt/virt_dl.c virt/virt_dl.h \
	virt/virt_conn.c \
	virt/virt_domain.c \
	virt/virt_memtune.c
else
virt_libmpvirt_a_SOURCES += virt/virt_none.c
endif
virt_libmpvirt_a_CFLAGS = $(AM_CFLAGS) $(LIBVIRT_CFLAGS)
