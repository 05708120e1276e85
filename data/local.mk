
# Example guests for the README and the man page (checked by tests/cli/example_guests.sh).
EXTRA_DIST += data/guests/pseries-1g-hostdev.xml \
	data/guests/pseries-ac922-socket0.xml \
	data/guests/x86-q35-viommu.xml
