package io.jangteo.graphql.member;

import io.jangteo.axon.JangteoProperties;
import io.jangteo.axon.audit.AuditMetaData;
import io.jangteo.graphql.support.Rejections;
import io.jangteo.messages.member.ChangeMemberRole;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.RegisterMember;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The first admin comes from configuration: at start, when no member has the configured e-mail, an account is
 * registered with it and made ADMIN by {@code system:bootstrap}. Without a configured password one is generated and
 * written (owner-only) into the data directory, and the log says where, never what. Both steps are ordinary commands,
 * so the admin's creation is in the history like everything else.
 */
@Component
class InitialAdmin {

    static final String PASSWORD_FILE = "initial-admin-password";
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    private static final AuditMetaData ACTOR = AuditMetaData.system("bootstrap");

    private final MemberProperties.InitialAdmin settings;
    private final Path dataDir;
    private final CommandGateway commandGateway;

    InitialAdmin(MemberProperties properties, JangteoProperties jangteo, CommandGateway commandGateway) {
        this.settings = properties.initialAdmin();
        this.dataDir = jangteo.dataDir().toAbsolutePath();
        this.commandGateway = commandGateway;
    }

    @Order(0)
    @EventListener(ApplicationReadyEvent.class)
    void ensure() {
        if (!settings.enabled()) {
            return;
        }
        boolean generated = settings.password() == null || settings.password().isBlank();
        String password = generated ? readOrCreatePassword() : settings.password();
        MemberId memberId = MemberId.random();
        try {
            send(new RegisterMember(memberId, settings.email(), password, "Administrator", settings.phone(),
                    false, false));
        } catch (RuntimeException e) {
            if (Rejections.violation(e).filter(v -> v.code() == ErrorCode.DUPLICATE).isPresent()) {
                return; // there already is an account with this e-mail: whatever its role now, it is not ours to change
            }
            log.error("Could not create the initial admin {}: {}", settings.email(), e.getMessage());
            return;
        }
        send(new ChangeMemberRole(memberId, ActorRole.ADMIN, "initial admin from configuration"));
        log.info("Created the initial admin {}{}", settings.email(), generated
                ? "; its password is in " + dataDir.resolve(PASSWORD_FILE) : "");
    }

    private void send(Object command) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(ACTOR.toMetaData()));
    }

    private String readOrCreatePassword() {
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(dataDir);
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the data directory's own permissions have to do
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }
}
