package org.taskhost.epics.internal;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import gov.aps.jca.CAStatus;
import gov.aps.jca.CAStatusException;
import gov.aps.jca.cas.ProcessVariable;
import gov.aps.jca.cas.ProcessVariableAttachCallback;
import gov.aps.jca.cas.ProcessVariableEventCallback;
import gov.aps.jca.cas.ProcessVariableExistanceCallback;
import gov.aps.jca.cas.ProcessVariableExistanceCompletion;
import gov.aps.jca.cas.Server;

import org.taskhost.api.pv.Pv;

import org.taskhost.api.pv.Pv;

/** The names this server answers searches for: the PVs of the plugins running now. */
final class PvDirectory implements Server {

    private final ConcurrentMap<String, CaPv> pvs = new ConcurrentHashMap<>();

    void add(CaPv pv) {
        pvs.put(pv.getName(), pv);
    }

    Optional<CaPv> remove(String name) {
        return Optional.ofNullable(pvs.remove(name));
    }

    Optional<CaPv> get(String name) {
        return Optional.ofNullable(pvs.get(name));
    }

    /** @return the PVs served now */
    java.util.List<Pv> served() {
        return pvs.values().stream().map(CaPv::pv).toList();
    }

    int size() {
        return pvs.size();
    }

    @Override
    public ProcessVariableExistanceCompletion processVariableExistanceTest(String name, InetSocketAddress client,
            ProcessVariableExistanceCallback callback) {
        return pvs.containsKey(name) ? ProcessVariableExistanceCompletion.EXISTS_HERE
                : ProcessVariableExistanceCompletion.DOES_NOT_EXIST_HERE;
    }

    @Override
    public ProcessVariable processVariableAttach(String name, ProcessVariableEventCallback events,
            ProcessVariableAttachCallback callback) throws CAStatusException {
        CaPv pv = pvs.get(name);
        if (pv == null) {
            throw new CAStatusException(CAStatus.NOSUPPORT, "PV " + name + " is not served here");
        }
        synchronized (pv) {
            if (pv.getEventCallback() == null) {
                pv.setEventCallback(events);
            }
        }
        return pv;
    }
}
