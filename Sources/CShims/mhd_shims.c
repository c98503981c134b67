#include "mhd_shims.h"

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
