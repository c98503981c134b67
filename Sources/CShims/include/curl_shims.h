#ifndef SENTRALBORD_CURL_SHIMS_H
#define SENTRALBORD_CURL_SHIMS_H
/* Typed wrappers for libcurl's variadic curl_easy_setopt and curl_easy_getinfo.
   Each wrapper accepts only options of its own argument type (checked against the
   CURLOPTTYPE_* / CURLINFO_* range and libcurl's option table) and returns
   CURLE_BAD_FUNCTION_ARGUMENT for any other option, so a wrong pairing is an error
   instead of undefined behaviour. */
#include <curl/curl.h>

/* CURLAUTH_BASIC as a long: the macro's cast keeps it from importing into Swift. */
static const long SB_CURLAUTH_BASIC = (long)CURLAUTH_BASIC;

/* Sets a long (or bitmask/enumerated) option, e.g. CURLOPT_NOSIGNAL, CURLOPT_TIMEOUT_MS. */
CURLcode sb_curl_setopt_long(CURL *handle, CURLoption option, long value);

/* Sets a string option, e.g. CURLOPT_URL; libcurl copies the string. */
CURLcode sb_curl_setopt_string(CURL *handle, CURLoption option, const char *value);

/* Sets an object or callback-data pointer option, e.g. CURLOPT_COPYPOSTFIELDS,
   CURLOPT_WRITEDATA, CURLOPT_ERRORBUFFER. libcurl does not copy what it points to
   (except for CURLOPT_COPYPOSTFIELDS): it must outlive the transfer. */
CURLcode sb_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);

/* Sets a string-list option, e.g. CURLOPT_HTTPHEADER, CURLOPT_MAIL_RCPT. libcurl does not
   copy the list: it must outlive the transfer. */
CURLcode sb_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);

/* Sets a curl_off_t option, e.g. CURLOPT_POSTFIELDSIZE_LARGE. */
CURLcode sb_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);

/* Sets CURLOPT_WRITEFUNCTION or CURLOPT_HEADERFUNCTION. */
CURLcode sb_curl_setopt_write_callback(CURL *handle, CURLoption option, curl_write_callback value);

/* Sets CURLOPT_READFUNCTION. */
CURLcode sb_curl_setopt_read_callback(CURL *handle, CURLoption option, curl_read_callback value);

/* Sets CURLOPT_XFERINFOFUNCTION (progress; a non-zero return aborts the transfer). */
CURLcode sb_curl_setopt_xferinfo_callback(CURL *handle, CURLoption option, curl_xferinfo_callback value);

/* Reads a long item, e.g. CURLINFO_RESPONSE_CODE. */
CURLcode sb_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);

/* Reads a double item, e.g. CURLINFO_TOTAL_TIME. */
CURLcode sb_curl_getinfo_double(CURL *handle, CURLINFO info, double *value);

/* Reads a string item, e.g. CURLINFO_EFFECTIVE_URL; the string belongs to the handle. */
CURLcode sb_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value);

#endif
