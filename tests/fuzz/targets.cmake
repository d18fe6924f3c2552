# Every fuzz target (fuzz_<name>.cpp); scripts/fuzz and the replay tests read this list.
set(ORGWARD_FUZZ_TARGETS pageparser decimal databaseurl vault fixturemanifest sanitizer csvreader)
