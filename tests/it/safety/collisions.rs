//! Names that collide: aliases and slugs on generated files, ids that differ
//! only in case, file names longer than the file system allows.
