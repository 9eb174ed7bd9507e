#!/usr/bin/python3
'''Test harness: a private dbus-daemon with BlueZ mocked by python-dbusmock (template bluez_gatt.py).

usage: /usr/bin/python3 bluez_mock.py <work dir> [adapter] [address] [name]
Prints "READY <bus address>" when the adapter and device exist, then runs one command per line from stdin and
answers one line, "OK [result]" or "ERR <message>":
  goaway | comeback | remove-adapter | add-adapter
  drop | restore   (out of range and back, BlueZ keeping the device's objects and the client's notify sessions)
  connect-delay <seconds> | connect-fail on|off   (how Connect answers from now on)
  notify-on-enable <uuid> <counter>   (the device sends that stream frame once, when its notifications are enabled)
  calls            -> OK <Connect calls> <Disconnect calls> <connected: true|false>
  frame <uuid> <hex> | stream <uuid> <hz> <count> | burst <uuid> <seconds>
  written <uuid>   -> OK <hex> <count> (count < 0: written without response)
  starts <uuid>    -> OK <StartNotify calls>
  quit (or end of stdin): stops the mock and the bus
'''
import os
import signal
import subprocess
import sys
import time

import dbus

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    work = os.path.abspath(sys.argv[1])
    adapter = sys.argv[2] if len(sys.argv) > 2 else 'hci0'
    address = sys.argv[3] if len(sys.argv) > 3 else 'C0:FF:EE:00:00:01'
    name = sys.argv[4] if len(sys.argv) > 4 else 'taskhost-sensor'
    os.makedirs(work, exist_ok=True)
    socket = os.path.join(work, 'bus.sock')
    if os.path.exists(socket):
        os.unlink(socket)
    bus_address = 'unix:path=' + socket
    children = []

    def stop(*_):
        for child in reversed(children):
            if child.poll() is None:
                child.terminate()
                try:
                    child.wait(5)
                except subprocess.TimeoutExpired:
                    child.kill()
        sys.exit(0)
    signal.signal(signal.SIGTERM, stop)

    log = open(os.path.join(work, 'mock.log'), 'w')
    children.append(subprocess.Popen(['dbus-daemon', '--session', '--nofork', '--nopidfile',
                                      '--address=' + bus_address], stdin=subprocess.DEVNULL, stdout=log, stderr=log))
    deadline = time.monotonic() + 10
    while not os.path.exists(socket):
        if time.monotonic() > deadline:
            print('ERR dbus-daemon did not start', flush=True)
            stop()
        time.sleep(0.02)
    env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS=bus_address)
    children.append(subprocess.Popen([sys.executable, '-m', 'dbusmock', '--system', '--template',
                                      os.path.join(HERE, 'bluez_gatt.py')],
                                     env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log))
    bus = dbus.bus.BusConnection(bus_address)
    while not bus.name_has_owner('org.bluez'):
        if time.monotonic() > deadline or children[-1].poll() is not None:
            print('ERR dbusmock did not start, see ' + log.name, flush=True)
            stop()
        time.sleep(0.05)
    mock = dbus.Interface(bus.get_object('org.bluez', '/'), 'org.taskhost.BleMock')
    mock.Setup(adapter, address, name)
    print('READY ' + bus_address, flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        try:
            print('OK ' + run(mock, words), flush=True)
        except Exception as e:  # answer the test, keep serving
            print('ERR ' + str(e).replace('\n', ' '), flush=True)
        if words[0] == 'quit':
            break
    stop()


def run(mock, words):
    command, args = words[0], words[1:]
    if command == 'goaway':
        mock.GoAway()
    elif command == 'comeback':
        mock.ComeBack()
    elif command == 'drop':
        mock.Drop()
    elif command == 'restore':
        mock.Restore()
    elif command == 'connect-delay':
        mock.ConnectBehaviour(float(args[0]), False)
    elif command == 'connect-fail':
        mock.ConnectBehaviour(0.0, args[0] == 'on')
    elif command == 'notify-on-enable':
        mock.NotifyOnEnable(args[0], int(args[1]))
    elif command == 'calls':
        connects, disconnects, connected = mock.Calls()
        return f'{int(connects)} {int(disconnects)} {str(bool(connected)).lower()}'
    elif command == 'remove-adapter':
        mock.RemoveAdapterNow()
    elif command == 'add-adapter':
        mock.AddAdapterBack()
    elif command == 'frame':
        return str(bool(mock.Frame(args[0], dbus.ByteArray(bytes.fromhex(args[1]))))).lower()
    elif command == 'stream':
        mock.Stream(args[0], float(args[1]), int(args[2]))
    elif command == 'burst':
        return str(int(mock.Burst(args[0], float(args[1]), timeout=600)))
    elif command == 'written':
        value, count = mock.Written(args[0])
        return bytes(value).hex() + ' ' + str(int(count))
    elif command == 'starts':
        return str(int(mock.NotifyStarts(args[0])))
    elif command != 'quit':
        raise ValueError('unknown command ' + command)
    return ''


if __name__ == '__main__':
    main()
