/**
 * Crypto-shredding: members' personal data is stored in events only sealed with a per-member key kept outside the
 * event store, so destroying that key erases it from every event, replay and history while the rest stays.
 * <ul>
 *   <li>Each sealed value's associated data is its subject and property name, so a value copied to another member or
 *       property fails to open rather than passing for theirs; a value that fails with a live key is corruption and
 *       is reported, never read as erased.</li>
 *   <li>A destroyed key leaves a tombstone: events written afterwards for that member store {@code null} at once, and
 *       no new key is ever made for them.</li>
 *   <li>Unwrapped keys are cached for a bounded time only: in scale-out another node may destroy a key, and this node
 *       notices when its entry expires (60 s by default); a destroy on this node takes effect at once.</li>
 * </ul>
 */
package io.jangteo.axon.privacy;
