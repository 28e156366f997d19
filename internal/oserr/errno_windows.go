package oserr

// systemKinds maps Windows' own error codes (winerror.h), which Go does not
// turn into the portable ones, to what they mean.
var systemKinds = map[uintptr]kind{
	19:   kindReadOnly,     // ERROR_WRITE_PROTECT
	21:   kindNotReady,     // ERROR_NOT_READY
	23:   kindIO,           // ERROR_CRC
	32:   kindBusy,         // ERROR_SHARING_VIOLATION
	33:   kindBusy,         // ERROR_LOCK_VIOLATION
	39:   kindNoSpace,      // ERROR_HANDLE_DISK_FULL
	112:  kindNoSpace,      // ERROR_DISK_FULL
	123:  kindBadName,      // ERROR_INVALID_NAME
	161:  kindBadName,      // ERROR_BAD_PATHNAME
	206:  kindNameTooLong,  // ERROR_FILENAME_EXCED_RANGE
	267:  kindNotDir,       // ERROR_DIRECTORY
	1117: kindIO,           // ERROR_IO_DEVICE
	1392: kindIO,           // ERROR_FILE_CORRUPT
	1921: kindLoop,         // ERROR_CANT_RESOLVE_FILENAME
	4:    kindTooManyFiles, // ERROR_TOO_MANY_OPEN_FILES
}
