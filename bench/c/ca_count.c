/*
 * Counts the monitor updates a libca client receives: ca_count SECONDS PV [PV ...] prints updates per second.
 * Debian ships libca but not its headers, so the few calls used are declared here from the CA client API
 * (cadef.h of EPICS base 7); the C ABI of these calls has not changed since 3.14.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct oldChannelNotify *chid;
typedef struct oldSubscription *evid;
struct event_handler_args {
    void *usr;
    chid chid;
    long type;
    long count;
    const void *dbr;
    int status;
};
typedef void caEventCallBackFunc(struct event_handler_args);

int ca_context_create(int preemptive);
int ca_create_channel(const char *name, void *conn, void *usr, unsigned priority, chid *out);
int ca_pend_io(double timeout);
int ca_pend_event(double timeout);
int ca_create_subscription(long type, unsigned long count, chid ch, long mask, caEventCallBackFunc *cb, void *usr, evid *out);

enum { DBR_DOUBLE = 6, DBE_VALUE = 1, ECA_NORMAL = 1, MAX_PVS = 256 };

static long received;

static void counted(struct event_handler_args args) {
    if (args.status == ECA_NORMAL) {
        received++;
    }
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 3 || argc - 2 > MAX_PVS) {
        fprintf(stderr, "usage: ca_count SECONDS PV [PV ...]\n");
        return 2;
    }
    double seconds = atof(argv[1]);
    chid channels[MAX_PVS];
    ca_context_create(0);
    for (int i = 2; i < argc; i++) {
        ca_create_channel(argv[i], NULL, NULL, 0, &channels[i - 2]);
    }
    if (ca_pend_io(10.0) != ECA_NORMAL) {
        fprintf(stderr, "not every PV connected\n");
        return 1;
    }
    for (int i = 2; i < argc; i++) {
        ca_create_subscription(DBR_DOUBLE, 1, channels[i - 2], DBE_VALUE, counted, NULL, NULL);
    }
    ca_pend_event(1.0);
    long start = received;
    double t0 = now();
    ca_pend_event(seconds);
    printf("%.0f\n", (received - start) / (now() - t0));
    return 0;
}
