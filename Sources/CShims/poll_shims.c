#include "poll_shims.h"
#include <errno.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>

int sentralbord_epoll_create(void) {
    return epoll_create1(EPOLL_CLOEXEC);
}

int sentralbord_epoll_update(int epfd, int op, int fd, uint32_t events, uint64_t token) {
    static const int operations[] = {EPOLL_CTL_ADD, EPOLL_CTL_MOD, EPOLL_CTL_DEL};
    if (op < 0 || op > 2) {
        errno = EINVAL;
        return -1;
    }
    struct epoll_event event = {.events = events, .data.u64 = token};
    return epoll_ctl(epfd, operations[op], fd, &event);
}

int sentralbord_epoll_wait(int epfd, uint64_t *tokens, uint32_t *events, int capacity, int timeout_ms) {
    struct epoll_event ready[64];
    int count = epoll_wait(epfd, ready, capacity < 64 ? capacity : 64, timeout_ms);
    if (count < 0) {
        return errno == EINTR ? 0 : -1;
    }
    for (int index = 0; index < count; index++) {
        tokens[index] = ready[index].data.u64;
        events[index] = ready[index].events;
    }
    return count;
}

int sentralbord_eventfd_create(void) {
    return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

long sentralbord_send_parts(int fd, const void *first, size_t first_length, const void *second,
                            size_t second_length, const void *third, size_t third_length) {
    struct iovec vectors[3] = {
        {.iov_base = (void *)first, .iov_len = first_length},
        {.iov_base = (void *)second, .iov_len = second_length},
        {.iov_base = (void *)third, .iov_len = third_length},
    };
    struct msghdr message = {.msg_iov = vectors, .msg_iovlen = 3};
    return sendmsg(fd, &message, MSG_NOSIGNAL);
}
