'''python-dbusmock template: the bluez5 template plus one device with GATT services, characteristics and
notifications, and control methods (interface org.taskhost.BleMock on /) that tests call through bluez_mock.py.

The GATT tree of the device:
  service 0000181a-0000-1000-8000-00805f9b34fb (environmental sensing)
    00002a6e-0000-1000-8000-00805f9b34fb  temperature: int16 little-endian, 0.01 degC (read, notify)
    12345678-1234-5678-1234-56789abcdef1  setpoint: written values are recorded (read, write, write-without-response)
    12345678-1234-5678-1234-56789abcdef2  stream: counter uint32 LE + send time int64 LE (ns) + CRC-16/MODBUS LE (notify)
    12345678-1234-5678-1234-56789abcdef3  tlv: tag 1 = int16 LE humidity in 0.1 % (read, notify)
'''
import struct
import time

import dbus
from gi.repository import GLib

from dbusmock import mockobject
from dbusmock.templates.bluez5 import *  # noqa: F401,F403  (the bluez5 methods become the mock's)
from dbusmock.templates import bluez5

BUS_NAME = 'org.bluez'
MAIN_OBJ = '/'
SYSTEM_BUS = True
IS_OBJECT_MANAGER = True

CONTROL_IFACE = 'org.taskhost.BleMock'
SERVICE_IFACE = 'org.bluez.GattService1'
CHAR_IFACE = 'org.bluez.GattCharacteristic1'
DEVICE_IFACE = 'org.bluez.Device1'
OM_IFACE = 'org.freedesktop.DBus.ObjectManager'

SERVICE_UUID = '0000181a-0000-1000-8000-00805f9b34fb'
CHARS = [
    ('char0011', '00002a6e-0000-1000-8000-00805f9b34fb', ['read', 'notify'], struct.pack('<h', 2150)),
    ('char0013', '12345678-1234-5678-1234-56789abcdef1', ['read', 'write', 'write-without-response'], b'\x00\x00'),
    ('char0015', '12345678-1234-5678-1234-56789abcdef2', ['notify', 'read'], b''),
    ('char0017', '12345678-1234-5678-1234-56789abcdef3', ['read', 'notify'], bytes([1, 2]) + struct.pack('<h', 456)),
]

STATE = {'adapter': None, 'address': None, 'name': None, 'written': {}, 'starts': {}, 'timers': [],
         # Connect: answered after connect_delay s, refused at once when connect_fail, left pending while dropped
         'connect_delay': 0.0, 'connect_fail': False, 'dropped': False, 'pending': None,
         'connects': 0, 'disconnects': 0,
         # characteristics (uuids) with a notify session of the client: BlueZ keeps a client's sessions across a
         # disconnect (its GATT cache keeps the objects) and enables them again when the device connects
         'sessions': set(),
         # uuid -> counter of a stream frame the device sends once, as soon as its notifications are enabled
         'on_enable': {}}


def load(mock, parameters):
    bluez5.load(mock, parameters)


def crc16_modbus(data):
    crc = 0xFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def _device_path():
    return f"/org/bluez/{STATE['adapter']}/dev_{STATE['address'].replace(':', '_').upper()}"


def _char_path(uuid):
    for name, char_uuid, _flags, _value in CHARS:
        if char_uuid == uuid:
            return _device_path() + '/service0010/' + name
    raise dbus.exceptions.DBusException('no characteristic ' + uuid, name=CONTROL_IFACE + '.NoSuchCharacteristic')


def _bytes(value):
    return dbus.Array([dbus.Byte(b) for b in value], signature='y')


def _chars():
    '''The device's characteristic objects that exist now, with their uuids.'''
    for name, uuid, _flags, _value in CHARS:
        path = _device_path() + '/service0010/' + name
        if path in mockobject.objects:
            yield uuid, mockobject.objects[path]


def _connect(device):
    device.connected = True
    device.UpdateProperties(DEVICE_IFACE, {'Connected': dbus.Boolean(True, variant_level=1)})
    device.UpdateProperties(DEVICE_IFACE, {'ServicesResolved': dbus.Boolean(True, variant_level=1)})
    for uuid, char in _chars():
        if uuid in STATE['sessions']:
            _enable(char, uuid)


def _disconnect(device):
    device.connected = False
    device.UpdateProperties(DEVICE_IFACE, {'ServicesResolved': dbus.Boolean(False, variant_level=1),
                                           'Connected': dbus.Boolean(False, variant_level=1)})
    for _uuid, char in _chars():
        if char.props[CHAR_IFACE]['Notifying']:
            char.UpdateProperties(CHAR_IFACE, {'Notifying': dbus.Boolean(False, variant_level=1)})


def _connect_call(device, ok, err):
    '''Device1.Connect, answered when the connection is made (asynchronously: the mock serves other calls meanwhile).'''
    STATE['connects'] += 1
    if STATE['connect_fail']:
        err(dbus.exceptions.DBusException('le-connection-abort-by-local', name='org.bluez.Error.Failed'))
        return
    if device.connected:
        ok()
        return
    pending = {'device': device, 'ok': ok, 'err': err, 'timer': None}
    STATE['pending'] = pending
    if STATE['dropped']:
        return
    if STATE['connect_delay'] > 0:
        pending['timer'] = GLib.timeout_add(int(STATE['connect_delay'] * 1000), lambda: _complete_connect(pending))
        return
    _complete_connect(pending)


def _complete_connect(pending):
    if STATE['pending'] is pending:
        STATE['pending'] = None
        _connect(pending['device'])
        pending['ok']()
    return False


def _fail_pending(device, reason):
    pending = STATE['pending']
    if pending is None or pending['device'] is not device:
        return False
    STATE['pending'] = None
    if pending['timer'] is not None:
        GLib.source_remove(pending['timer'])
    pending['err'](dbus.exceptions.DBusException(reason, name='org.bluez.Error.Failed'))
    return True


def _disconnect_call(device):
    '''Device1.Disconnect: also cancels a Connect not answered yet, as BlueZ documents.'''
    STATE['disconnects'] += 1
    if _fail_pending(device, 'Operation cancelled by Disconnect'):
        return
    if not device.connected:
        raise dbus.exceptions.DBusException('Not Connected', name='org.bluez.Error.NotConnected')
    _disconnect(device)


def _read_value(char, options):
    return char.props[CHAR_IFACE]['Value']


def _write_value(char, value, options):
    uuid = str(char.props[CHAR_IFACE]['UUID'])
    kind = str(options.get('type', 'request'))
    STATE['written'][uuid] = (bytes(value), kind, STATE['written'].get(uuid, (b'', '', 0))[2] + 1)
    char.props[CHAR_IFACE]['Value'] = _bytes(bytes(value))


def _start_notify(char):
    uuid = str(char.props[CHAR_IFACE]['UUID'])
    STATE['starts'][uuid] = STATE['starts'].get(uuid, 0) + 1
    STATE['sessions'].add(uuid)
    if mockobject.objects[_device_path()].connected:
        _enable(char, uuid)


def _stop_notify(char):
    STATE['sessions'].discard(str(char.props[CHAR_IFACE]['UUID']))
    char.UpdateProperties(CHAR_IFACE, {'Notifying': dbus.Boolean(False, variant_level=1)})


def _enable(char, uuid):
    '''Notifications enabled on the device (CCC written): it may notify from now on.'''
    char.UpdateProperties(CHAR_IFACE, {'Notifying': dbus.Boolean(True, variant_level=1)})
    counter = STATE['on_enable'].pop(uuid, None)
    if counter is not None:
        body = struct.pack('<Iq', counter, time.time_ns())
        frame = body + struct.pack('<H', crc16_modbus(body))
        char.UpdateProperties(CHAR_IFACE, {'Value': dbus.Array([dbus.Byte(b) for b in frame], signature='y',
                                                                variant_level=1)})


def _add_device(manager):
    path = manager.AddDevice(STATE['adapter'], STATE['address'], STATE['name'])
    device = mockobject.objects[path]
    device.AddMethods(DEVICE_IFACE, [('Disconnect', '', '', _disconnect_call)])
    # a Connect that may be answered later needs dbus-python's asynchronous replies, which AddMethods cannot declare
    device.methods[DEVICE_IFACE]['Connect'] = ('', '', '', dbus.service.method(
        DEVICE_IFACE, in_signature='', out_signature='', async_callbacks=('ok', 'err'))(_connect_call))
    device.UpdateProperties(DEVICE_IFACE, {'UUIDs': dbus.Array([SERVICE_UUID], signature='s', variant_level=1),
                                           'RSSI': dbus.Int16(-52, variant_level=1)})
    service_path = path + '/service0010'
    service_props = {'UUID': dbus.String(SERVICE_UUID, variant_level=1),
                     'Device': dbus.ObjectPath(path, variant_level=1),
                     'Primary': dbus.Boolean(True, variant_level=1),
                     'Includes': dbus.Array([], signature='o', variant_level=1)}
    manager.AddObject(service_path, SERVICE_IFACE, service_props, [])
    manager.EmitSignal(OM_IFACE, 'InterfacesAdded', 'oa{sa{sv}}',
                       [dbus.ObjectPath(service_path), {SERVICE_IFACE: service_props}])
    for name, uuid, flags, value in CHARS:
        char_path = service_path + '/' + name
        props = {'UUID': dbus.String(uuid, variant_level=1),
                 'Service': dbus.ObjectPath(service_path, variant_level=1),
                 'Value': dbus.Array([dbus.Byte(b) for b in value], signature='y', variant_level=1),
                 'Notifying': dbus.Boolean(False, variant_level=1),
                 'Flags': dbus.Array(flags, signature='s', variant_level=1)}
        manager.AddObject(char_path, CHAR_IFACE, props, [
            ('ReadValue', 'a{sv}', 'ay', _read_value),
            ('WriteValue', 'aya{sv}', '', _write_value),
            ('StartNotify', '', '', _start_notify),
            ('StopNotify', '', '', _stop_notify),
        ])
        manager.EmitSignal(OM_IFACE, 'InterfacesAdded', 'oa{sa{sv}}',
                           [dbus.ObjectPath(char_path), {CHAR_IFACE: props}])
    return path


@dbus.service.method(CONTROL_IFACE, in_signature='sss', out_signature='s')
def Setup(self, adapter, address, name):
    STATE.update(adapter=adapter, address=address, name=name)
    _add_adapter(self)
    return _add_device(self)


def _discovery(adapter, on):
    adapter.UpdateProperties(bluez5.ADAPTER_IFACE, {'Discovering': dbus.Boolean(on, variant_level=1)})


def _add_adapter(manager):
    path = manager.AddAdapter(STATE['adapter'], 'taskhost-test')
    # the bluez5 template's StartDiscovery needs a DiscoveryFilter property that it never creates
    mockobject.objects[path].AddMethods(bluez5.ADAPTER_IFACE, [
        ('StartDiscovery', '', '', lambda adapter: _discovery(adapter, True)),
        ('StopDiscovery', '', '', lambda adapter: _discovery(adapter, False))])


@dbus.service.method(CONTROL_IFACE, in_signature='', out_signature='')
def GoAway(self):
    '''The device goes out of range: it disconnects and BlueZ removes its objects.'''
    _remove_device(self, True)


def _remove_device(self, disconnect):
    path = _device_path()
    if path not in mockobject.objects:
        return
    device = mockobject.objects[path]
    _fail_pending(device, 'device removed')
    if disconnect and device.connected:
        _disconnect(device)
    STATE['sessions'].clear()
    children = sorted((p for p in mockobject.objects if p.startswith(path + '/')), reverse=True)
    for child in children + [path]:
        iface = CHAR_IFACE if '/char' in child else SERVICE_IFACE if '/service' in child else DEVICE_IFACE
        self.RemoveObject(child)
        self.EmitSignal(OM_IFACE, 'InterfacesRemoved', 'oas', [dbus.ObjectPath(child), [iface]])


@dbus.service.method(CONTROL_IFACE, in_signature='', out_signature='')
def ComeBack(self):
    if _device_path() not in mockobject.objects:
        _add_device(self)


@dbus.service.method(CONTROL_IFACE, in_signature='', out_signature='')
def Drop(self):
    '''The device goes out of range while BlueZ keeps its objects (GATT cache): it disconnects, notify sessions stay,
    and a Connect waits until it is back (Restore) or is cancelled (Disconnect).'''
    device = mockobject.objects[_device_path()]
    if device.connected:
        _disconnect(device)
    STATE['dropped'] = True


@dbus.service.method(CONTROL_IFACE, in_signature='', out_signature='')
def Restore(self):
    STATE['dropped'] = False
    if STATE['pending'] is not None:
        _complete_connect(STATE['pending'])


@dbus.service.method(CONTROL_IFACE, in_signature='db', out_signature='')
def ConnectBehaviour(self, delay, fail):
    STATE.update(connect_delay=float(delay), connect_fail=bool(fail))


@dbus.service.method(CONTROL_IFACE, in_signature='si', out_signature='')
def NotifyOnEnable(self, uuid, counter):
    STATE['on_enable'][uuid] = int(counter)


@dbus.service.method(CONTROL_IFACE, in_signature='', out_signature='iib')
def Calls(self):
    '''Connect and Disconnect calls so far, and whether the device is connected.'''
    device = mockobject.objects.get(_device_path())
    return STATE['connects'], STATE['disconnects'], bool(device is not None and device.connected)


@dbus.service.method(CONTROL_IFACE, in_signature='', out_signature='')
def RemoveAdapterNow(self):
    '''The adapter is unplugged: it goes with all its objects, announced for the adapter only.'''
    adapter_path = f"/org/bluez/{STATE['adapter']}"
    for child in sorted((p for p in mockobject.objects if p.startswith(adapter_path + '/')), reverse=True):
        self.RemoveObject(child)
    self.RemoveAdapter(STATE['adapter'])


@dbus.service.method(CONTROL_IFACE, in_signature='', out_signature='')
def AddAdapterBack(self):
    if f"/org/bluez/{STATE['adapter']}" not in mockobject.objects:
        _add_adapter(self)
    ComeBack(self)


@dbus.service.method(CONTROL_IFACE, in_signature='say', out_signature='b')
def Frame(self, uuid, value):
    '''One notification with these bytes; false if the device is gone or not notifying.'''
    path = _char_path(uuid)
    if path not in mockobject.objects:
        return False
    char = mockobject.objects[path]
    if not char.props[CHAR_IFACE]['Notifying']:
        return False
    char.UpdateProperties(CHAR_IFACE, {'Value': dbus.Array([dbus.Byte(b) for b in value], signature='y',
                                                            variant_level=1)})
    return True


@dbus.service.method(CONTROL_IFACE, in_signature='sdi', out_signature='')
def Stream(self, uuid, hz, count):
    '''Notifies count stream frames at hz (counter, send time, CRC); frames are skipped while the device is gone.'''
    state = {'n': 0}

    def tick():
        if state['n'] >= count:
            return False
        body = struct.pack('<Iq', state['n'], time.time_ns())
        if Frame(self, uuid, body + struct.pack('<H', crc16_modbus(body))):
            state['n'] += 1
        return True
    GLib.timeout_add(max(1, int(1000 / hz)), tick)


@dbus.service.method(CONTROL_IFACE, in_signature='sd', out_signature='i')
def Burst(self, uuid, seconds):
    '''Notifies stream frames as fast as the bus takes them for this long; returns how many were sent.'''
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        body = struct.pack('<Iq', n, time.time_ns())
        if not Frame(self, uuid, body + struct.pack('<H', crc16_modbus(body))):
            break
        n += 1
    return n


@dbus.service.method(CONTROL_IFACE, in_signature='s', out_signature='ayi')
def Written(self, uuid):
    value, kind, count = STATE['written'].get(uuid, (b'', '', 0))
    return (_bytes(value), count) if kind != 'command' else (_bytes(value), -count)


@dbus.service.method(CONTROL_IFACE, in_signature='s', out_signature='i')
def NotifyStarts(self, uuid):
    return STATE['starts'].get(uuid, 0)
