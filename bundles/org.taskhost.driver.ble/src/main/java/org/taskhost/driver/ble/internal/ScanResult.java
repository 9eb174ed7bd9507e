package org.taskhost.driver.ble.internal;

import java.util.List;

/**
 * A device the adapter knows after a scan.
 *
 * @param rssi the received signal strength in dBm, null if the device was not heard in this scan
 */
record ScanResult(String address, String name, Short rssi, List<String> serviceUuids) {
}
