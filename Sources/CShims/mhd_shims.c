#include "mhd_shims.h"
#include <string.h>

struct MHD_Daemon *sentralbord_mhd_start(MHD_socket listen_socket, bool ipv6,
                                         unsigned int thread_pool_size,
                                         unsigned int connection_timeout_seconds,
                                         unsigned int connection_limit,
                                         MHD_AccessHandlerCallback handler,
                                         MHD_RequestCompletedCallback completed,
                                         sentralbord_mhd_uri_callback uri_callback,
                                         MHD_NotifyConnectionCallback connection_callback,
                                         void *cls) {
    unsigned int flags = MHD_USE_POLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ITC;
    if (ipv6) {
        flags |= MHD_USE_IPv6;
    }
    return MHD_start_daemon(flags, 0, NULL, NULL, handler, cls,
                            MHD_OPTION_LISTEN_SOCKET, listen_socket,
                            MHD_OPTION_THREAD_POOL_SIZE, thread_pool_size,
                            MHD_OPTION_CONNECTION_LIMIT, connection_limit,
                            MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout_seconds,
                            MHD_OPTION_NOTIFY_COMPLETED, completed, cls,
                            MHD_OPTION_URI_LOG_CALLBACK, uri_callback, cls,
                            MHD_OPTION_NOTIFY_CONNECTION, connection_callback, cls,
                            MHD_OPTION_END);
}

const struct sockaddr *sentralbord_mhd_client_address(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? NULL : info->client_addr;
}

int sentralbord_mhd_connection_socket(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    return info == NULL ? -1 : info->connect_fd;
}

void *sentralbord_mhd_socket_context(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info == NULL ? NULL : info->socket_context;
}

static enum MHD_Result sentralbord_check_value(void *cls, enum MHD_ValueKind kind, const char *key,
                                               const char *value) {
    (void)kind;
    (void)key;
    /* libmicrohttpd turned the line's CR LF into two NULs in place, so the byte after the
       value's terminator is NUL for a well-formed line; any other byte there means the value
       stopped at a NUL byte of its own (or the line ended with a bare LF). */
    if (value != NULL && value[strlen(value) + 1] != '\0') {
        *(bool *)cls = true;
        return MHD_NO;
    }
    return MHD_YES;
}

bool sentralbord_mhd_header_value_has_nul(struct MHD_Connection *connection) {
    bool found = false;
    MHD_get_connection_values(connection, MHD_HEADER_KIND, sentralbord_check_value, &found);
    return found;
}
