<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClinicActions</name>
    <message numerus="yes">
        <source>%n document(s) added</source>
        <translation>
            <numerusform>%n document added</numerusform>
            <numerusform>%n documents added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already the same</source>
        <translation>
            <numerusform>%n already the same</numerusform>
            <numerusform>%n already the same</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was removed from this computer: %n document(s).</source>
        <translation>
            <numerusform>%1 was removed from this computer: %n document.</numerusform>
            <numerusform>%1 was removed from this computer: %n documents.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) deleted.</source>
        <translation>
            <numerusform>%n backup deleted.</numerusform>
            <numerusform>%n backups deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) could not be deleted; delete them by hand.</source>
        <translation>
            <numerusform>%n backup could not be deleted; delete it by hand.</numerusform>
            <numerusform>%n backups could not be deleted; delete them by hand.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClinicModeBox</name>
    <message numerus="yes">
        <source>No list of recent vaults, locks after %n minute(s) without use, and the start screen offers New client and Client brought their file.</source>
        <translation>
            <numerusform>No list of recent vaults, locks after %n minute without use, and the start screen offers New client and Client brought their file.</numerusform>
            <numerusform>No list of recent vaults, locks after %n minutes without use, and the start screen offers New client and Client brought their file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message numerus="yes">
        <source>%n factor(s) in the person&apos;s favour have documents.</source>
        <translation>
            <numerusform>%n factor in the person&apos;s favour has documents.</numerusform>
            <numerusform>%n factors in the person&apos;s favour have documents.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) marked in orange need more evidence.</source>
        <translation>
            <numerusform>%n point marked in orange needs more evidence.</numerusform>
            <numerusform>%n points marked in orange need more evidence.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) every request needs are missing.</source>
        <translation>
            <numerusform>%n part every request needs is missing.</numerusform>
            <numerusform>%n parts every request needs are missing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExhibitListModel</name>
    <message numerus="yes">
        <source>(%n document(s))</source>
        <translation type="vanished">
            <numerusform>(%n document)</numerusform>
            <numerusform>(%n documents)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>The packet is one PDF with a cover page, an index and %n exhibit(s), numbered page by page. It is NOT encrypted: keep it somewhere safe.</source>
        <translation>
            <numerusform>The packet is one PDF with a cover page, an index and %n exhibit, numbered page by page. It is NOT encrypted: keep it somewhere safe.</numerusform>
            <numerusform>The packet is one PDF with a cover page, an index and %n exhibits, numbered page by page. It is NOT encrypted: keep it somewhere safe.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportReport</name>
    <message numerus="yes">
        <source>The packet was written and checked: %n page(s).</source>
        <translation>
            <numerusform>The packet was written and checked: %n page.</numerusform>
            <numerusform>The packet was written and checked: %n pages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The packet, %n page(s)</source>
        <translation>
            <numerusform>The packet, %n page</numerusform>
            <numerusform>The packet, %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Part %1 of %2, %n page(s)</source>
        <translation>
            <numerusform>Part %1 of %2, %n page</numerusform>
            <numerusform>Part %1 of %2, %n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>The passphrase needs at least %n character.</numerusform>
            <numerusform>The passphrase needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoffDone</name>
    <message numerus="yes">
        <source>%1 holds %n document(s) of %2. Give the person the file and its passphrase. Without the passphrase nobody can open it.</source>
        <translation>
            <numerusform>%1 holds %n document of %2. Give the person the file and its passphrase. Without the passphrase nobody can open it.</numerusform>
            <numerusform>%1 holds %n documents of %2. Give the person the file and its passphrase. Without the passphrase nobody can open it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n file(s) will be added to this case.</source>
        <translation>
            <numerusform>%n file will be added to this case.</numerusform>
            <numerusform>%n files will be added to this case.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message numerus="yes">
        <source>%n document(s) added.</source>
        <translation>
            <numerusform>%n document added.</numerusform>
            <numerusform>%n documents added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) were already in this case and were skipped:</source>
        <translation>
            <numerusform>%n file was already in this case and was skipped:</numerusform>
            <numerusform>%n files were already in this case and were skipped:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported:</source>
        <translation>
            <numerusform>%n file could not be imported:</numerusform>
            <numerusform>%n files could not be imported:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LetterEditor</name>
    <message numerus="yes">
        <source>%n citation(s) point to a document or page that is not in the packet.</source>
        <translation>
            <numerusform>%n citation points to a document or page that is not in the packet.</numerusform>
            <numerusform>%n citations point to documents or pages that are not in the packet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n document(s) added.</source>
        <translation>
            <numerusform>%n document added.</numerusform>
            <numerusform>%n documents added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>The passphrase needs at least %n character.</numerusform>
            <numerusform>The passphrase needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreflightPanel</name>
    <message numerus="yes">
        <source>%n problem(s) to settle before sending</source>
        <translation>
            <numerusform>%n problem to settle before sending</numerusform>
            <numerusform>%n problems to settle before sending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) to check</source>
        <translation>
            <numerusform>%n point to check</numerusform>
            <numerusform>%n points to check</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadinessBox</name>
    <message numerus="yes">
        <source>%n problem(s) should be settled before this packet is sent. You can still export it.</source>
        <translation>
            <numerusform>%n problem should be settled before this packet is sent. You can still export it.</numerusform>
            <numerusform>%n problems should be settled before this packet is sent. You can still export it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) to check before sending.</source>
        <translation>
            <numerusform>%n point to check before sending.</numerusform>
            <numerusform>%n points to check before sending.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The checks found %n problem(s) that should be settled before this packet is sent (see &quot;Before you send it&quot;). Export it anyway?</source>
        <translation>
            <numerusform>The checks found %n problem that should be settled before this packet is sent (see &quot;Before you send it&quot;). Export it anyway?</numerusform>
            <numerusform>The checks found %n problems that should be settled before this packet is sent (see &quot;Before you send it&quot;). Export it anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>The passphrase needs at least %n character.</numerusform>
            <numerusform>The passphrase needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VaultActions</name>
    <message numerus="yes">
        <source>The check found %n problem(s). Make a backup now (File, Back up the vault), then ask whoever helps you with this program.</source>
        <translation>
            <numerusform>The check found %n problem. Make a backup now (File, Back up the vault), then ask whoever helps you with this program.</numerusform>
            <numerusform>The check found %n problems. Make a backup now (File, Back up the vault), then ask whoever helps you with this program.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message numerus="yes">
        <source>Combine these %n documents into one? Their pages are kept, in list order; the document keeps the first one&apos;s title.</source>
        <translation>
            <numerusform>Combine these %n documents into one? Their pages are kept, in list order; the document keeps the first one&apos;s title.</numerusform>
            <numerusform>Combine these %n documents into one? Their pages are kept, in list order; the document keeps the first one&apos;s title.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n document(s) from this case? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n document from this case? This cannot be undone.</numerusform>
            <numerusform>Delete %n documents from this case? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the case of %1 and its %n document(s) from the vault? This cannot be undone.</source>
        <translation>
            <numerusform>Remove the case of %1 and its %n document from the vault? This cannot be undone.</numerusform>
            <numerusform>Remove the case of %1 and its %n documents from the vault? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
</TS>
