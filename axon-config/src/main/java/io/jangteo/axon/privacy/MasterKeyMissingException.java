package io.jangteo.axon.privacy;

/** Start-up refused: scale-out nodes must share one configured master key, or none could read another's keys. */
public class MasterKeyMissingException extends IllegalStateException {

    public MasterKeyMissingException() {
        super("Scale-out mode needs " + MasterKey.PROPERTY + " (base64, at least 256 bits), the same on every node");
    }
}
