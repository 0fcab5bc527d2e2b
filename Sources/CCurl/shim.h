// Debian's libcurl (libcurl4-openssl-dev), seen from Swift.
//
// libcurl is loaded with dlopen the first time a request is made, not linked: linking it made
// every `tfevents` command load 29 more shared libraries (libcurl and the 28 it needs for TLS,
// Kerberos, LDAP, SSH, ...) and resolve their symbols before `main`, about 7 ms of a 19 ms
// start-up, for the few commands that read `s3://`. The header is still the system's, so the
// types and constants are checked against the installed libcurl at compile time.
//
// `curl_easy_setopt` and `curl_easy_getinfo` are variadic, which Swift cannot call, so each
// argument type gets a typed forwarder here.
#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H

#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *context);

/// The libcurl functions used, resolved from the loaded library.
struct ccurl_functions {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *handle);
    void (*easy_reset)(CURL *handle);
    CURLcode (*easy_perform)(CURL *handle);
    const char *(*easy_strerror)(CURLcode code);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *text);
    void (*slist_free_all)(struct curl_slist *list);
};

/// Where the loaded functions live; `loaded` is 1 once they all resolved and
/// `curl_global_init` succeeded, and `failure` says what went wrong otherwise.
struct ccurl_state {
    pthread_once_t once;
    int loaded;
    char failure[256];
    struct ccurl_functions functions;
};

/// The state, a static in a function: a header cannot define a global that Swift emits, and only
/// one Swift file (CurlSession.swift) calls these functions, so there is one copy in the process.
static inline struct ccurl_state *ccurl_state(void) {
    static struct ccurl_state state = {PTHREAD_ONCE_INIT, 0, {0}, {0}};
    return &state;
}

static inline void ccurl_set_failure(const char *what, const char *detail) {
    char *out = ccurl_state()->failure;
    size_t room = sizeof(ccurl_state()->failure) - 1, used = 0;
    for (const char *p = what; *p && used < room; p++) out[used++] = *p;
    if (detail) {
        for (const char *p = ": "; *p && used < room; p++) out[used++] = *p;
        for (const char *p = detail; *p && used < room; p++) out[used++] = *p;
    }
    out[used] = 0;
}

static inline void ccurl_load_once(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        ccurl_set_failure("libcurl.so.4 could not be loaded (install libcurl4)", dlerror());
        return;
    }
    struct ccurl_functions *f = &ccurl_state()->functions;
#define CCURL_RESOLVE(field, name)                                           \
    *(void **)(&f->field) = dlsym(library, name);                            \
    if (!f->field) {                                                         \
        ccurl_set_failure("libcurl.so.4 has no " name, NULL);                \
        return;                                                              \
    }
    CCURL_RESOLVE(global_init, "curl_global_init")
    CCURL_RESOLVE(easy_init, "curl_easy_init")
    CCURL_RESOLVE(easy_cleanup, "curl_easy_cleanup")
    CCURL_RESOLVE(easy_reset, "curl_easy_reset")
    CCURL_RESOLVE(easy_perform, "curl_easy_perform")
    CCURL_RESOLVE(easy_strerror, "curl_easy_strerror")
    CCURL_RESOLVE(easy_setopt, "curl_easy_setopt")
    CCURL_RESOLVE(easy_getinfo, "curl_easy_getinfo")
    CCURL_RESOLVE(slist_append, "curl_slist_append")
    CCURL_RESOLVE(slist_free_all, "curl_slist_free_all")
#undef CCURL_RESOLVE
    if (f->global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        ccurl_set_failure("curl_global_init failed", NULL);
        return;
    }
    ccurl_state()->loaded = 1;
}

/// Loads libcurl (once per process) and returns its functions, or NULL with the reason in
/// `ccurl_failure()`.
static inline const struct ccurl_functions *ccurl(void) {
    pthread_once(&ccurl_state()->once, ccurl_load_once);
    return ccurl_state()->loaded ? &ccurl_state()->functions : NULL;
}

/// Why ``ccurl`` returned NULL.
static inline const char *ccurl_failure(void) {
    return ccurl_state()->failure;
}

static inline CURL *ccurl_easy_init(const struct ccurl_functions *f) { return f->easy_init(); }
static inline void ccurl_easy_cleanup(const struct ccurl_functions *f, CURL *handle) { f->easy_cleanup(handle); }
static inline void ccurl_easy_reset(const struct ccurl_functions *f, CURL *handle) { f->easy_reset(handle); }
static inline CURLcode ccurl_easy_perform(const struct ccurl_functions *f, CURL *handle) {
    return f->easy_perform(handle);
}
static inline const char *ccurl_easy_strerror(const struct ccurl_functions *f, CURLcode code) {
    return f->easy_strerror(code);
}
static inline struct curl_slist *ccurl_slist_append(
    const struct ccurl_functions *f, struct curl_slist *list, const char *text) {
    return f->slist_append(list, text);
}
static inline void ccurl_slist_free_all(const struct ccurl_functions *f, struct curl_slist *list) {
    f->slist_free_all(list);
}

static inline CURLcode ccurl_setopt_long(const struct ccurl_functions *f, CURL *handle, CURLoption option, long value) {
    return f->easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_string(
    const struct ccurl_functions *f, CURL *handle, CURLoption option, const char *value) {
    return f->easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_pointer(
    const struct ccurl_functions *f, CURL *handle, CURLoption option, void *value) {
    return f->easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_headers(
    const struct ccurl_functions *f, CURL *handle, struct curl_slist *headers) {
    return f->easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
}

static inline CURLcode ccurl_setopt_callback(
    const struct ccurl_functions *f, CURL *handle, CURLoption option, ccurl_data_callback callback) {
    return f->easy_setopt(handle, option, callback);
}

static inline CURLcode ccurl_getinfo_long(const struct ccurl_functions *f, CURL *handle, CURLINFO info, long *value) {
    return f->easy_getinfo(handle, info, value);
}

#endif
