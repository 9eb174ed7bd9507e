'use strict';
// One simulated BACnet/IP device on 127.0.0.1, answered by an independent stack (node-bacnet), for the driver's tests.
// Usage: node simdevice.js --port 47901 --instance 1001 [--control 48901] [--no-rpm] [--garbage] [--client 127.0.0.1:47900]
//                           [--count N] [--record]
//   --count N  N devices on ports port..port+N-1, instances instance..instance+N-1 (the control port shows ?port=)
//   --record   keeps the arrival time of every read request: GET /arrivals (benchmarks)
//   --no-rpm   rejects ReadPropertyMultiple (unrecognized service) as devices without RPM do
//   --garbage  answers every confirmed request with bytes that are not BACnet
// The control port serves HTTP on 127.0.0.1: GET /objects (the object table, priority arrays included),
// POST /set?object=analog-value:0&value=42 (changes a present value and notifies COV subscribers).
const bacnet = require('node-bacnet');
const dgram = require('dgram');
const http = require('http');

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf('--' + name); return i >= 0 ? args[i + 1] : dflt; };
const flag = (name) => args.includes('--' + name);
const port = Number(opt('port'));
const instance = Number(opt('instance'));
const controlPort = Number(opt('control', String(port + 1000)));
const clientAddress = opt('client', '127.0.0.1:47900');
const noRpm = flag('no-rpm');
const garbage = flag('garbage');
const count = Number(opt('count', '1'));
const record = flag('record');

const E = bacnet.enum;
const T = E.ApplicationTag;
const P = E.PropertyIdentifier;
const O = E.ObjectType;
const NAMES = { 0: 'analog-input', 1: 'analog-output', 2: 'analog-value', 3: 'binary-input', 4: 'binary-output',
  5: 'binary-value', 8: 'device', 13: 'multi-state-input', 19: 'multi-state-value' };
const VENDOR = 260;
const key = (type, inst) => type + ":" + inst;

function startDevice(port, instance) {
  // The object table: 20 points per device, values derived from the instance so each device differs.
  const objects = new Map();
  function add(type, inst, props) { objects.set(key(type, inst), { type, instance: inst, props }); }
  const real = (v) => [{ type: T.REAL, value: v }];
  const enumv = (v) => [{ type: T.ENUMERATED, value: v }];
  const uns = (v) => [{ type: T.UNSIGNED_INTEGER, value: v }];
  const str = (v) => [{ type: T.CHARACTER_STRING, value: v }];
  const nul = () => [{ type: T.NULL }];
  const commandable = (relinquish, valueOf) => ({
    [P.PRIORITY_ARRAY]: Array.from({ length: 16 }, () => null), [P.RELINQUISH_DEFAULT]: relinquish, valueOf });

  add(O.DEVICE, instance, { [P.OBJECT_NAME]: str('sim-' + instance), [P.VENDOR_IDENTIFIER]: uns(VENDOR),
    [P.VENDOR_NAME]: str('taskhost simulator'), [P.MODEL_NAME]: str('node-bacnet 0.2.4') });
  for (let i = 0; i < 10; i++) {
    add(O.ANALOG_INPUT, i, { [P.OBJECT_NAME]: str('AI' + i), [P.PRESENT_VALUE]: real(instance / 10 + i + 0.5),
      [P.UNITS]: enumv(i % 2 === 0 ? E.EngineeringUnits.DEGREES_CELSIUS : E.EngineeringUnits.PERCENT) });
  }
  for (let i = 0; i < 2; i++) {
    add(O.ANALOG_OUTPUT, i, { [P.OBJECT_NAME]: str('AO' + i), [P.PRESENT_VALUE]: real(10 * i),
      [P.UNITS]: enumv(E.EngineeringUnits.KILOWATTS), cmd: commandable(10 * i, real) });
  }
  for (let i = 0; i < 3; i++) {
    add(O.ANALOG_VALUE, i, { [P.OBJECT_NAME]: str('AV' + i), [P.PRESENT_VALUE]: real(100 + i),
      [P.UNITS]: enumv(E.EngineeringUnits.DEGREES_CELSIUS), cmd: commandable(100 + i, real) });
  }
  for (let i = 0; i < 2; i++) {
    add(O.BINARY_INPUT, i, { [P.OBJECT_NAME]: str('BI' + i), [P.PRESENT_VALUE]: enumv(i % 2) });
  }
  add(O.BINARY_OUTPUT, 0, { [P.OBJECT_NAME]: str('BO0'), [P.PRESENT_VALUE]: enumv(0), cmd: commandable(0, enumv) });
  add(O.BINARY_VALUE, 0, { [P.OBJECT_NAME]: str('BV0'), [P.PRESENT_VALUE]: enumv(1) });
  add(O.MULTI_STATE_INPUT, 0, { [P.OBJECT_NAME]: str('MSI0'), [P.PRESENT_VALUE]: uns(2), [P.NUMBER_OF_STATES]: uns(3),
    [P.STATE_TEXT]: ['off', 'low', 'high'].map((s) => str(s)[0]) });

  // properties that are BACnet arrays: [0] reads their length, [n] their n-th element
  const ARRAYS = new Set([P.STATE_TEXT]);
  const BAD_INDEX = { error: [E.ErrorClass.PROPERTY, E.ErrorCode.INVALID_ARRAY_INDEX] };
  const indexed = (index) => index !== undefined && index !== E.ASN1_ARRAY_ALL;
  function element(all, index) {
    if (index === 0) return uns(all.length);
    return index <= all.length ? [all[index - 1]] : BAD_INDEX;
  }

  function readValue(obj, prop, index) {
    if (prop === P.OBJECT_IDENTIFIER) return [{ type: T.OBJECTIDENTIFIER, value: { type: obj.type, instance: obj.instance } }];
    if (prop === P.OBJECT_TYPE) return enumv(obj.type);
    const cmd = obj.props.cmd;
    if (cmd && prop === P.PRIORITY_ARRAY) {
      const slots = cmd[P.PRIORITY_ARRAY].map((v) => (v === null ? nul()[0] : cmd.valueOf(v)[0]));
      return indexed(index) ? element(slots, index) : slots;
    }
    if (cmd && prop === P.RELINQUISH_DEFAULT) return cmd.valueOf(cmd[P.RELINQUISH_DEFAULT]);
    const value = obj.props[prop];
    return value && ARRAYS.has(prop) && indexed(index) ? element(value, index) : value;
  }

  function errorValue(errorClass, errorCode) {
    return [{ type: T.ERROR, value: { type: 'BacnetError', errorClass, errorCode } }];
  }

  const client = new bacnet({ port, interface: '127.0.0.1', broadcastAddress: clientAddress, apduTimeout: 2000 });
  const subscriptions = new Map(); // "address|process|object" -> {address, processId, objectKey, until}
  const arrivals = []; // when read requests came, with --record (poll-start jitter as the devices see it)

  function lookup(objectId) { return objects.get(key(objectId.type, objectId.instance)); }

  client.on('whoIs', (msg) => {
    const p = msg.payload || {};
    if (p.lowLimit !== undefined && (instance < p.lowLimit || instance > p.highLimit)) return;
    client.iAmResponse(msg.header.sender, instance, E.Segmentation.NO_SEGMENTATION, VENDOR);
  });

  client.on('readProperty', (msg) => {
    if (record) arrivals.push(performance.timeOrigin + performance.now());
    const { objectId, property } = msg.payload;
    const obj = lookup(objectId);
    if (!obj) return client.errorResponse(msg.header.sender, E.ConfirmedServiceChoice.READ_PROPERTY, msg.invokeId,
      E.ErrorClass.OBJECT, E.ErrorCode.UNKNOWN_OBJECT);
    const value = readValue(obj, property.id, property.index);
    if (!value || value.error) return client.errorResponse(msg.header.sender, E.ConfirmedServiceChoice.READ_PROPERTY,
      msg.invokeId, ...(value ? value.error : [E.ErrorClass.PROPERTY, E.ErrorCode.UNKNOWN_PROPERTY]));
    client.readPropertyResponse(msg.header.sender, msg.invokeId, objectId, property, value);
  });

  client.on('readPropertyMultiple', (msg) => {
    if (record) arrivals.push(performance.timeOrigin + performance.now());
    if (noRpm) return client.errorResponse(msg.header.sender, E.ConfirmedServiceChoice.READ_PROPERTY_MULTIPLE,
      msg.invokeId, E.ErrorClass.SERVICES, E.ErrorCode.REJECT_UNRECOGNIZED_SERVICE);
    const results = msg.payload.properties.map((spec) => {
      const obj = lookup(spec.objectId);
      return { objectId: spec.objectId, values: spec.properties.map((ref) => {
        if (!obj) return { property: ref, value: errorValue(E.ErrorClass.OBJECT, E.ErrorCode.UNKNOWN_OBJECT) };
        const value = readValue(obj, ref.id, ref.index);
        if (value && value.error) return { property: ref, value: errorValue(...value.error) };
        return { property: ref, value: value || errorValue(E.ErrorClass.PROPERTY, E.ErrorCode.UNKNOWN_PROPERTY) };
      }) };
    });
    client.readPropertyMultipleResponse(msg.header.sender, msg.invokeId, results);
  });

  client.on('writeProperty', (msg) => {
    const { objectId } = msg.payload;
    const { property, value, priority } = msg.payload.value;
    const obj = lookup(objectId);
    const fail = (cls, code) => client.errorResponse(msg.header.sender, E.ConfirmedServiceChoice.WRITE_PROPERTY,
      msg.invokeId, cls, code);
    if (!obj) return fail(E.ErrorClass.OBJECT, E.ErrorCode.UNKNOWN_OBJECT);
    if (property.id !== P.PRESENT_VALUE) return fail(E.ErrorClass.PROPERTY, E.ErrorCode.WRITE_ACCESS_DENIED);
    const cmd = obj.props.cmd;
    const v = value[0];
    if (cmd) {
      cmd[P.PRIORITY_ARRAY][(priority || 16) - 1] = v.type === T.NULL ? null : v.value;
      const active = cmd[P.PRIORITY_ARRAY].find((x) => x !== null);
      setPresentValue(obj, active === undefined ? cmd[P.RELINQUISH_DEFAULT] : active);
    } else {
      if (v.type === T.NULL) return fail(E.ErrorClass.PROPERTY, E.ErrorCode.INVALID_DATA_TYPE);
      setPresentValue(obj, v.value);
    }
    client.simpleAckResponse(msg.header.sender, E.ConfirmedServiceChoice.WRITE_PROPERTY, msg.invokeId);
  });

  client.on('subscribeCov', (msg) => {
    const p = msg.payload;
    const obj = lookup(p.monitoredObjectId);
    if (!obj) return client.errorResponse(msg.header.sender, E.ConfirmedServiceChoice.SUBSCRIBE_COV, msg.invokeId,
      E.ErrorClass.OBJECT, E.ErrorCode.UNKNOWN_OBJECT);
    const k = msg.header.sender.address + '|' + p.subscriberProcessId + '|' + key(obj.type, obj.instance);
    if (p.cancellationRequest) subscriptions.delete(k);
    else subscriptions.set(k, { address: msg.header.sender.address, processId: p.subscriberProcessId, obj,
      lifetime: p.lifetime, until: p.lifetime ? Date.now() + p.lifetime * 1000 : Infinity });
    client.simpleAckResponse(msg.header.sender, E.ConfirmedServiceChoice.SUBSCRIBE_COV, msg.invokeId);
    if (!p.cancellationRequest) notify(subscriptions.get(k));
  });

  // no array index: node-bacnet 0.2.4 would encode 4294967295 as the index when given ASN1_ARRAY_ALL
  function notify(sub) {
    const remaining = sub.until === Infinity ? 0 : Math.max(0, Math.round((sub.until - Date.now()) / 1000));
    client.unconfirmedCOVNotification(sub.address, sub.processId, instance,
      { type: sub.obj.type, instance: sub.obj.instance }, remaining, [
        { property: { id: P.PRESENT_VALUE }, value: readValue(sub.obj, P.PRESENT_VALUE) },
        { property: { id: P.STATUS_FLAGS }, value: [{ type: T.BIT_STRING, value: { value: [0], bitsUsed: 4 } }] }]);
  }

  function setPresentValue(obj, raw) {
    const current = obj.props[P.PRESENT_VALUE][0];
    obj.props[P.PRESENT_VALUE] = [{ type: current.type, value: raw }];
    for (const [k, sub] of subscriptions) {
      if (sub.until < Date.now()) subscriptions.delete(k);
      else if (sub.obj === obj) notify(sub);
    }
  }

  if (garbage) {
    // a second socket would not receive the requests: answer garbage from the device's own port instead of node-bacnet
    client.close();
    const sock = dgram.createSocket('udp4');
    sock.on('message', (m, rinfo) => sock.send(Buffer.from([0x81, 0x0a, 0x00, 0x09, 0x01, 0x00, 0x30, 0xff, 0xee]),
      rinfo.port, rinfo.address));
    sock.bind(port, '127.0.0.1');
  }

  return { instance, port, objects, subscriptions, setPresentValue, arrivals };
}

function objectName(o) { return (NAMES[o.type] || String(o.type)) + ':' + o.instance; }
function plain(values) { return values === undefined ? null : values.map((v) => (v && v.value !== undefined ? v.value : null)); }

const devices = Array.from({ length: count }, (_, k) => startDevice(port + k, instance + k));

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const dev = devices.find((d) => String(d.port) === url.searchParams.get('port')) || devices[0];
  const { objects, subscriptions, setPresentValue } = dev;
  if (req.method === 'GET' && url.pathname === '/arrivals') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify(Object.fromEntries(devices.map((d) => [d.port, d.arrivals]))));
  }
  if (req.method === 'GET' && url.pathname === '/objects') {
    const out = {};
    for (const o of objects.values()) {
      out[objectName(o)] = { name: o.props[P.OBJECT_NAME][0].value, presentValue: plain(o.props[P.PRESENT_VALUE]),
        units: o.props[P.UNITS] ? o.props[P.UNITS][0].value : null,
        priorityArray: o.props.cmd ? o.props.cmd[P.PRIORITY_ARRAY] : null };
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ instance: dev.instance, port: dev.port, subscriptions: subscriptions.size, objects: out }));
  }
  if (req.method === 'POST' && url.pathname === '/set') {
    const [name, inst] = url.searchParams.get('object').split(':');
    const type = Object.keys(NAMES).find((t) => NAMES[t] === name);
    const obj = objects.get(key(Number(type), Number(inst)));
    if (!obj) { res.writeHead(404); return res.end('no object ' + url.searchParams.get('object')); }
    setPresentValue(obj, Number(url.searchParams.get('value')));
    res.writeHead(204);
    return res.end();
  }
  res.writeHead(404);
  res.end();
}).listen(controlPort, '127.0.0.1', () => console.log(`${count} device(s) from ${instance} on 127.0.0.1:${port}, control ${controlPort}`));
