#include "curl_shims.h"

/* True when `option` lies in the CURLOPTTYPE range starting at `base` and libcurl's option
   table lists it with one of the two accepted CURLOT_* types. */
static int sb_option_is(CURLoption option, long base, curl_easytype type, curl_easytype alternative) {
    if ((long)option < base || (long)option >= base + 10000) {
        return 0;
    }
    const struct curl_easyoption *entry = curl_easy_option_by_id(option);
    return entry != NULL && (entry->type == type || entry->type == alternative);
}

CURLcode sb_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    if (!sb_option_is(option, CURLOPTTYPE_LONG, CURLOT_LONG, CURLOT_VALUES)) {
        return CURLE_BAD_FUNCTION_ARGUMENT;
    }
    return curl_easy_setopt(handle, option, value);
}

CURLcode sb_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    if (!sb_option_is(option, CURLOPTTYPE_STRINGPOINT, CURLOT_STRING, CURLOT_STRING)) {
        return CURLE_BAD_FUNCTION_ARGUMENT;
    }
    return curl_easy_setopt(handle, option, value);
}

CURLcode sb_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    if (!sb_option_is(option, CURLOPTTYPE_OBJECTPOINT, CURLOT_OBJECT, CURLOT_CBPTR)) {
        return CURLE_BAD_FUNCTION_ARGUMENT;
    }
    return curl_easy_setopt(handle, option, value);
}

CURLcode sb_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    if (!sb_option_is(option, CURLOPTTYPE_SLISTPOINT, CURLOT_SLIST, CURLOT_SLIST)) {
        return CURLE_BAD_FUNCTION_ARGUMENT;
    }
    return curl_easy_setopt(handle, option, value);
}

CURLcode sb_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    if (!sb_option_is(option, CURLOPTTYPE_OFF_T, CURLOT_OFF_T, CURLOT_OFF_T)) {
        return CURLE_BAD_FUNCTION_ARGUMENT;
    }
    return curl_easy_setopt(handle, option, value);
}

CURLcode sb_curl_setopt_write_callback(CURL *handle, CURLoption option, curl_write_callback value) {
    if (option != CURLOPT_WRITEFUNCTION && option != CURLOPT_HEADERFUNCTION) {
        return CURLE_BAD_FUNCTION_ARGUMENT;
    }
    return curl_easy_setopt(handle, option, value);
}

CURLcode sb_curl_setopt_read_callback(CURL *handle, CURLoption option, curl_read_callback value) {
    if (option != CURLOPT_READFUNCTION) {
        return CURLE_BAD_FUNCTION_ARGUMENT;
    }
    return curl_easy_setopt(handle, option, value);
}

CURLcode sb_curl_setopt_xferinfo_callback(CURL *handle, CURLoption option, curl_xferinfo_callback value) {
    if (option != CURLOPT_XFERINFOFUNCTION) {
        return CURLE_BAD_FUNCTION_ARGUMENT;
    }
    return curl_easy_setopt(handle, option, value);
}

CURLcode sb_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    if ((info & CURLINFO_TYPEMASK) != CURLINFO_LONG) {
        return CURLE_BAD_FUNCTION_ARGUMENT;
    }
    return curl_easy_getinfo(handle, info, value);
}

CURLcode sb_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    if ((info & CURLINFO_TYPEMASK) != CURLINFO_DOUBLE) {
        return CURLE_BAD_FUNCTION_ARGUMENT;
    }
    return curl_easy_getinfo(handle, info, value);
}

CURLcode sb_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    if ((info & CURLINFO_TYPEMASK) != CURLINFO_STRING) {
        return CURLE_BAD_FUNCTION_ARGUMENT;
    }
    return curl_easy_getinfo(handle, info, value);
}
