package io.jangteo.axon.audit;

import java.util.List;

/** A command was about to be dispatched without saying who sends it: a programming error, never a user's. */
public class MissingAuditMetaDataException extends IllegalStateException {
    MissingAuditMetaDataException(String commandName, List<String> missing) {
        super("Command " + commandName + " lacks audit metadata " + missing
                + "; dispatch it with AuditMetaData (or AuditMetaData.system(name) from sagas and schedulers)");
    }
}
