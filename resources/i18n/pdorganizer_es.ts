<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups of this vault</source>
        <translation>Copias de seguridad de esta caja fuerte</translation>
    </message>
    <message>
        <source>These backups of the vault may still hold %1. Ticked ones are deleted with the case. A backup that opens with an older passphrase cannot be checked.</source>
        <translation>Estas copias de seguridad de la caja fuerte pueden tener todavía los datos de %1. Las marcadas se borran junto con el caso. Una copia que se abre con una contraseña anterior no se puede revisar.</translation>
    </message>
    <message>
        <source>Backups to delete</source>
        <translation>Copias de seguridad que se borrarán</translation>
    </message>
    <message>
        <source>holds the case</source>
        <translation>tiene el caso</translation>
    </message>
    <message>
        <source>older passphrase</source>
        <translation>contraseña anterior</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Borrar</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Edit case</source>
        <translation>Editar el caso</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Caso nuevo</translation>
    </message>
    <message>
        <source>A123-456-789</source>
        <translation>A123-456-789</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>For example: CA</source>
        <translation>Por ejemplo: CA</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>La persona</translation>
    </message>
    <message>
        <source>Court and ICE office</source>
        <translation>Corte y oficina de ICE</translation>
    </message>
    <message>
        <source>Who files the request (attorney, representative or the person)</source>
        <translation>Quién presenta la solicitud (abogado, representante o la misma persona)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Only the name is needed now. You can fill in the rest later; it goes on the cover page of the packet.</source>
        <translation>Por ahora solo hace falta el nombre. Puede completar lo demás después; aparece en la portada del paquete.</translation>
    </message>
    <message>
        <source>Currently detained</source>
        <translation>Actualmente en detención</translation>
    </message>
    <message>
        <source>Points the request relies on</source>
        <translation>Puntos en los que se basa la solicitud</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>AAAA, AAAA-MM o AAAA-MM-DD</translation>
    </message>
    <message>
        <source>What the request asks for</source>
        <translation>Lo que pide la solicitud</translation>
    </message>
    <message>
        <source>What the request asks for, and the person&apos;s situation</source>
        <translation>Lo que pide la solicitud, y la situación de la persona</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>Todavía no elegido</translation>
    </message>
    <message>
        <source>Tick what you will argue; the coverage panel then warns you when no document shows it yet.</source>
        <translation>Marque lo que va a argumentar; el resumen de pruebas le avisará cuando todavía no haya un documento que lo demuestre.</translation>
    </message>
    <message>
        <source>Entered the U.S. with parole</source>
        <translation>Entró a EE. UU. con permiso de permanencia temporal (parole)</translation>
    </message>
    <message>
        <source>In removal proceedings (has a case in immigration court)</source>
        <translation>En proceso de deportación (tiene un caso en la corte de inmigración)</translation>
    </message>
    <message>
        <source>Has an attorney or accredited representative</source>
        <translation>Tiene abogado o representante acreditado</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>&amp;Nombre completo</translation>
    </message>
    <message>
        <source>&amp;A-Number</source>
        <translation>Número &amp;A (A-Number)</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>Fecha de naci&amp;miento</translation>
    </message>
    <message>
        <source>Country of &amp;citizenship</source>
        <translation>País de &amp;ciudadanía</translation>
    </message>
    <message>
        <source>Preferred &amp;language</source>
        <translation>&amp;Idioma preferido</translation>
    </message>
    <message>
        <source>Detained</source>
        <translation>En detención</translation>
    </message>
    <message>
        <source>&amp;Kind of PD requested</source>
        <translation>&amp;Tipo de discreción procesal que pide</translation>
    </message>
    <message>
        <source>If other, what</source>
        <translation>Si es otro, cuál</translation>
    </message>
    <message>
        <source>First &amp;entry to the U.S.</source>
        <translation>Primera &amp;entrada a EE. UU.</translation>
    </message>
    <message>
        <source>Paroled</source>
        <translation>Con parole</translation>
    </message>
    <message>
        <source>In proceedings</source>
        <translation>En proceso</translation>
    </message>
    <message>
        <source>Represented</source>
        <translation>Con representante</translation>
    </message>
    <message>
        <source>Immigration court (city)</source>
        <translation>Corte de inmigración (ciudad)</translation>
    </message>
    <message>
        <source>Court state</source>
        <translation>Estado de la corte</translation>
    </message>
    <message>
        <source>Immigration judge</source>
        <translation>Juez de inmigración</translation>
    </message>
    <message>
        <source>Next hearing date</source>
        <translation>Fecha de la próxima audiencia</translation>
    </message>
    <message>
        <source>Next hearing type</source>
        <translation>Tipo de la próxima audiencia</translation>
    </message>
    <message>
        <source>ICE OPLA office</source>
        <translation>Oficina de OPLA de ICE</translation>
    </message>
    <message>
        <source>Filer&apos;s name</source>
        <translation>Nombre de quien presenta</translation>
    </message>
    <message>
        <source>Filer&apos;s address</source>
        <translation>Dirección de quien presenta</translation>
    </message>
    <message>
        <source>Filer&apos;s phone</source>
        <translation>Teléfono de quien presenta</translation>
    </message>
    <message>
        <source>Filer&apos;s email</source>
        <translation>Correo electrónico de quien presenta</translation>
    </message>
    <message>
        <source>Filer&apos;s EOIR ID</source>
        <translation>Número EOIR ID de quien presenta</translation>
    </message>
    <message>
        <source>Please write the person&apos;s name.</source>
        <translation>Escriba el nombre de la persona, por favor.</translation>
    </message>
    <message>
        <source>Not in removal proceedings</source>
        <translation>No está en un proceso de deportación</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>No case matches “%1”. Press Esc in the search box (or click its ×) to see every case again.</source>
        <translation>Ningún caso coincide con «%1». Pulse Esc en el cuadro de búsqueda (o haga clic en su ×) para ver todos los casos otra vez.</translation>
    </message>
</context>
<context>
    <name>CitationDialog</name>
    <message>
        <source>Insert citation</source>
        <translation>Insertar cita</translation>
    </message>
    <message>
        <source>Exhibits and documents</source>
        <translation>Anexos y documentos</translation>
    </message>
    <message>
        <source>Exhibit or document</source>
        <translation>Anexo o documento</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Exhibit %1: %2</source>
        <translation>Anexo %1: %2</translation>
    </message>
    <message>
        <source>Cite particular pages</source>
        <translation>Citar páginas concretas</translation>
    </message>
    <message>
        <source>From page</source>
        <translation>Desde la página</translation>
    </message>
    <message>
        <source>To page</source>
        <translation>Hasta la página</translation>
    </message>
    <message>
        <source>From page of the document:</source>
        <translation>Desde la página del documento:</translation>
    </message>
    <message>
        <source>To page:</source>
        <translation>Hasta la página:</translation>
    </message>
    <message>
        <source>Pick a document.</source>
        <translation>Elija un documento.</translation>
    </message>
    <message>
        <source>In the packet: %1</source>
        <translation>En el paquete: %1</translation>
    </message>
</context>
<context>
    <name>ClinicActions</name>
    <message>
        <source>&amp;Hand off in its own vault…</source>
        <translation>Entregar en su &amp;propia caja fuerte…</translation>
    </message>
    <message>
        <source>Write a new vault with only this case, for the person to take home</source>
        <translation>Crear una caja fuerte nueva solo con este caso, para que la persona se la lleve</translation>
    </message>
    <message>
        <source>&amp;Take back a client&apos;s file…</source>
        <translation>&amp;Recibir el archivo de un cliente…</translation>
    </message>
    <message>
        <source>Bring the case in a client&apos;s own vault into this one</source>
        <translation>Traer a esta caja fuerte el caso que está en la caja fuerte propia de un cliente</translation>
    </message>
    <message>
        <source>Remove from this &amp;laptop…</source>
        <translation>Borrar de esta compu&amp;tadora…</translation>
    </message>
    <message>
        <source>Delete this case and every trace of it in the vault file and its backups</source>
        <translation>Borrar este caso y todo rastro de él en el archivo de la caja fuerte y en sus copias de seguridad</translation>
    </message>
    <message>
        <source>Handing off</source>
        <translation>Entregando</translation>
    </message>
    <message>
        <source>Writing the client&apos;s vault…</source>
        <translation>Creando la caja fuerte del cliente…</translation>
    </message>
    <message>
        <source>Open the client&apos;s vault</source>
        <translation>Abrir la caja fuerte del cliente</translation>
    </message>
    <message>
        <source>Vaults (*%1);;All files (*)</source>
        <translation>Cajas fuertes (*%1);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The client&apos;s passphrase</source>
        <translation>La contraseña del cliente</translation>
    </message>
    <message>
        <source>Passphrase of %1:</source>
        <translation>Contraseña de %1:</translation>
    </message>
    <message>
        <source>Taking the file back</source>
        <translation>Recibiendo el archivo</translation>
    </message>
    <message>
        <source>Bringing the client&apos;s case in…</source>
        <translation>Trayendo el caso del cliente…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2, %3, %4.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2, %3, %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) added</source>
        <translation>
            <numerusform>%n documento agregado</numerusform>
            <numerusform>%n documentos agregados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n actualizado</numerusform>
            <numerusform>%n actualizados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already the same</source>
        <translation>
            <numerusform>%n ya igual</numerusform>
            <numerusform>%n ya iguales</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: new in this vault.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: nuevo en esta caja fuerte.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 document(s) added, %3 updated, %4 already the same.</source>
        <translation type="vanished">&lt;b&gt;%1&lt;/b&gt;: documentos agregados: %2; actualizados: %3; ya iguales: %4.</translation>
    </message>
    <message>
        <source>The client&apos;s file was taken back</source>
        <translation>Se recibió el archivo del cliente</translation>
    </message>
    <message>
        <source>Nothing was lost: what was in both is kept. The client&apos;s file was not changed.</source>
        <translation>No se perdió nada: se guardó lo que había en los dos. El archivo del cliente no se cambió.</translation>
    </message>
    <message>
        <source>Nothing was lost: what was in both is kept. The client&apos;s file was in an older format: to open it, it was updated to this version&apos;s format, and a copy of it as it was, locked with the same passphrase, was saved beside it as “%1”.</source>
        <translation>No se perdió nada: se guardó lo que había en los dos. El archivo del cliente tenía un formato anterior: para abrirlo se actualizó al formato de esta versión, y una copia de cómo era, cerrada con la misma contraseña, se guardó a su lado como “%1”.</translation>
    </message>
    <message>
        <source>The pages of “%1” were changed in both places: the client&apos;s version was added as a separate document.</source>
        <translation>Las páginas de “%1” se cambiaron en los dos lugares: la versión del cliente se agregó como un documento aparte.</translation>
    </message>
    <message>
        <source>“%1” was changed in both places: this vault&apos;s values were kept and the client&apos;s are written in its notes.</source>
        <translation>“%1” se cambió en los dos lugares: se guardaron los datos de esta caja fuerte y los del cliente quedaron escritos en sus notas.</translation>
    </message>
    <message>
        <source>The exhibit order of %1 was changed in both places: this vault&apos;s order was kept.</source>
        <translation>El orden de los anexos de %1 se cambió en los dos lugares: se guardó el orden de esta caja fuerte.</translation>
    </message>
    <message>
        <source>A part of %1 was changed in both places: this vault&apos;s version was kept and the client&apos;s is written in the case notes.</source>
        <translation>Una parte de %1 se cambió en los dos lugares: se guardó la versión de esta caja fuerte y la del cliente quedó escrita en las notas del caso.</translation>
    </message>
    <message>
        <source>Remove from this laptop</source>
        <translation>Borrar de esta computadora</translation>
    </message>
    <message>
        <source>Remove %1 and all their documents from this computer? The vault file is rebuilt so that nothing of them stays in it. This cannot be undone: make sure the person has their own file first.</source>
        <translation>¿Borrar a %1 y todos sus documentos de esta computadora? El archivo de la caja fuerte se vuelve a escribir para que no quede nada de esta persona. No se puede deshacer: primero asegúrese de que la persona tenga su propio archivo.</translation>
    </message>
    <message>
        <source>Removing</source>
        <translation>Borrando</translation>
    </message>
    <message>
        <source>Removing the case and rebuilding the vault file…</source>
        <translation>Borrando el caso y volviendo a escribir el archivo de la caja fuerte…</translation>
    </message>
    <message numerus="yes">
        <source>%1 was removed from this computer: %n document(s).</source>
        <translation>
            <numerusform>%1 se borró de esta computadora: %n documento.</numerusform>
            <numerusform>%1 se borró de esta computadora: %n documentos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) deleted.</source>
        <translation>
            <numerusform>Se borró %n copia de seguridad.</numerusform>
            <numerusform>Se borraron %n copias de seguridad.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) could not be deleted; delete them by hand.</source>
        <translation>
            <numerusform>No se pudo borrar %n copia de seguridad; bórrela a mano.</numerusform>
            <numerusform>No se pudieron borrar %n copias de seguridad; bórrelas a mano.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed from this laptop</source>
        <translation>Borrado de esta computadora</translation>
    </message>
    <message>
        <source>Not opened</source>
        <translation>No se abrió</translation>
    </message>
    <message>
        <source>That passphrase did not open the client&apos;s file. Check Caps Lock and the keyboard language, then try again. Nothing was changed.</source>
        <translation>Esa contraseña no abrió el archivo del cliente. Revise las mayúsculas (Bloq Mayús) y el idioma del teclado, y vuelva a intentarlo. No se cambió nada.</translation>
    </message>
</context>
<context>
    <name>ClinicModeBox</name>
    <message>
        <source>Clinic mode (one computer, many people)</source>
        <translation>Modo clínica (una computadora, muchas personas)</translation>
    </message>
    <message numerus="yes">
        <source>No list of recent vaults, locks after %n minute(s) without use, and the start screen offers New client and Client brought their file.</source>
        <translation>
            <numerusform>Sin lista de cajas fuertes recientes, se bloquea tras %n minuto sin uso y la pantalla de inicio ofrece Cliente nuevo y El cliente trajo su archivo.</numerusform>
            <numerusform>Sin lista de cajas fuertes recientes, se bloquea tras %n minutos sin uso y la pantalla de inicio ofrece Cliente nuevo y El cliente trajo su archivo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClinicStart</name>
    <message>
        <source>&amp;New client…</source>
        <translation>Cliente &amp;nuevo…</translation>
    </message>
    <message>
        <source>Make a new vault for the person you are helping now</source>
        <translation>Crear una caja fuerte nueva para la persona que está ayudando ahora</translation>
    </message>
    <message>
        <source>Client &amp;brought their file…</source>
        <translation>El cliente &amp;trajo su archivo…</translation>
    </message>
    <message>
        <source>Open the vault file the person brought with them</source>
        <translation>Abrir el archivo de caja fuerte que trajo la persona</translation>
    </message>
    <message>
        <source>&lt;b&gt;Is this computer used at a clinic, for many people?&lt;/b&gt; Clinic mode keeps no list of recent vaults, locks after 3 minutes and offers New client and Client brought their file. You can change this in Settings.</source>
        <translation>&lt;b&gt;¿Se usa esta computadora en una clínica, para muchas personas?&lt;/b&gt; El modo clínica no guarda una lista de cajas fuertes recientes, se bloquea a los 3 minutos y ofrece Cliente nuevo y El cliente trajo su archivo. Puede cambiarlo en Configuración.</translation>
    </message>
    <message>
        <source>Use c&amp;linic mode</source>
        <translation>Usar el &amp;modo clínica</translation>
    </message>
    <message>
        <source>No, &amp;thanks</source>
        <translation>No, &amp;gracias</translation>
    </message>
</context>
<context>
    <name>CornerCanvas</name>
    <message>
        <source>Photo with the page corners</source>
        <translation>Foto con las esquinas de la página</translation>
    </message>
    <message>
        <source>Drag a corner onto the page&apos;s corner. Tab picks a corner, arrow keys move it.</source>
        <translation>Arrastre cada esquina hasta la esquina de la página. Tab elige una esquina y las flechas la mueven.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
</context>
<context>
    <name>CornerEditor</name>
    <message>
        <source>Photo clean-up</source>
        <translation>Limpieza de la foto</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Cleaned page</source>
        <translation>Página limpia</translation>
    </message>
    <message>
        <source>Photo (kept as it is)</source>
        <translation>Foto (se guarda tal como está)</translation>
    </message>
    <message>
        <source>Cleaned page (what the packet prints)</source>
        <translation>Página limpia (lo que se imprime en el paquete)</translation>
    </message>
    <message>
        <source>&amp;Use these corners</source>
        <translation>&amp;Usar estas esquinas</translation>
    </message>
    <message>
        <source>&amp;Find the page again</source>
        <translation>&amp;Buscar la página de nuevo</translation>
    </message>
    <message>
        <source>&amp;Print the cleaned page</source>
        <translation>&amp;Imprimir la página limpia</translation>
    </message>
    <message>
        <source>Turn this off to print the photo as it was taken.</source>
        <translation>Desactive esto para imprimir la foto tal como se tomó.</translation>
    </message>
    <message>
        <source>If a blue corner is not on the corner of the page, drag it there, then choose Use these corners.</source>
        <translation>Si una esquina azul no está sobre la esquina de la página, arrástrela hasta allí y luego elija Usar estas esquinas.</translation>
    </message>
    <message>
        <source>This page is not cleaned up yet: set the corners or find the page.</source>
        <translation>Esta página todavía no está limpia: marque las esquinas o busque la página.</translation>
    </message>
    <message>
        <source>The clean-up could not be done.</source>
        <translation>No se pudo hacer la limpieza.</translation>
    </message>
    <message>
        <source>No cleaned page</source>
        <translation>No hay página limpia</translation>
    </message>
    <message>
        <source>Cleaning up the page…</source>
        <translation>Limpiando la página…</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>Factor</source>
        <translation>Factor</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <source>The request relies on this point, but no document shows it yet.</source>
        <translation>La solicitud se basa en este punto, pero todavía no hay un documento que lo demuestre.</translation>
    </message>
    <message>
        <source>Documents show this difficult point. Add evidence of rehabilitation or of changed circumstances, and tag it &quot;Rehabilitation&quot;.</source>
        <translation>Hay documentos que muestran este punto difícil. Agregue pruebas de rehabilitación o de que las circunstancias cambiaron, y márquelas como “Rehabilitación”.</translation>
    </message>
    <message>
        <source>The person is represented: the signed G-28 (for ICE) or EOIR-28 (for the court) goes with the request.</source>
        <translation>La persona tiene representante: el G-28 firmado (para ICE) o el EOIR-28 (para la corte) va con la solicitud.</translation>
    </message>
    <message>
        <source>Every request needs this. Add it and choose its kind.</source>
        <translation>Toda solicitud lo necesita. Agréguelo y elija su tipo.</translation>
    </message>
    <message>
        <source>No document shows this point. Add evidence only if it applies to the person.</source>
        <translation>Ningún documento muestra este punto. Agregue pruebas solo si se aplica a la persona.</translation>
    </message>
    <message>
        <source>Needed: add it</source>
        <translation>Necesario: agréguelo</translation>
    </message>
    <message>
        <source>Optional: add if it applies</source>
        <translation>Opcional: agregue si corresponde</translation>
    </message>
    <message>
        <source>No document supports this point yet.</source>
        <translation type="vanished">Todavía ningún documento respalda este punto.</translation>
    </message>
    <message>
        <source>Claimed: add evidence</source>
        <translation>Usted lo indica: agregue pruebas</translation>
    </message>
    <message>
        <source>Add rehabilitation evidence</source>
        <translation>Agregue pruebas de rehabilitación</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation type="vanished">Todavía ninguno</translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message>
        <source>Coverage of the factors</source>
        <translation>Resumen de pruebas por factor</translation>
    </message>
    <message numerus="yes">
        <source>%n factor(s) in the person&apos;s favour have documents.</source>
        <translation>
            <numerusform>%n factor a favor de la persona tiene documentos.</numerusform>
            <numerusform>%n factores a favor de la persona tienen documentos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) marked in orange need more evidence.</source>
        <translation>
            <numerusform>%n punto marcado en naranja necesita más pruebas.</numerusform>
            <numerusform>%n puntos marcados en naranja necesitan más pruebas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) every request needs are missing.</source>
        <translation>
            <numerusform>Falta %n parte que toda solicitud necesita.</numerusform>
            <numerusform>Faltan %n partes que toda solicitud necesita.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeclarationPanel</name>
    <message>
        <source>Language of the declaration</source>
        <translation>Idioma de la declaración</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>The person writes and signs in:</source>
        <translation>La persona escribe y firma en:</translation>
    </message>
    <message>
        <source>Save answers</source>
        <translation>Guardar respuestas</translation>
    </message>
    <message>
        <source>Make the paragraphs from the answers</source>
        <translation>Hacer los párrafos con las respuestas</translation>
    </message>
    <message>
        <source>Answer in your own words. Only what really happened: this is a statement under penalty of perjury. Leave a question empty if it does not apply.</source>
        <translation>Responda con sus propias palabras. Solo lo que de verdad pasó: es una declaración bajo pena de perjurio. Deje en blanco la pregunta que no aplique.</translation>
    </message>
    <message>
        <source>Paragraphs of the declaration</source>
        <translation>Párrafos de la declaración</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>Declaración</translation>
    </message>
    <message>
        <source>English translation</source>
        <translation>Traducción al inglés</translation>
    </message>
    <message>
        <source>Add paragraph</source>
        <translation>Agregar párrafo</translation>
    </message>
    <message>
        <source>Remove paragraph</source>
        <translation>Quitar párrafo</translation>
    </message>
    <message>
        <source>Save the declaration</source>
        <translation>Guardar la declaración</translation>
    </message>
    <message>
        <source>Translator&apos;s name:</source>
        <translation>Nombre del traductor:</translation>
    </message>
    <message>
        <source>Translator&apos;s address:</source>
        <translation>Dirección del traductor:</translation>
    </message>
    <message>
        <source>Translator&apos;s telephone:</source>
        <translation>Teléfono del traductor:</translation>
    </message>
    <message>
        <source>A Spanish declaration is filed with its English translation and a certificate of translation. The translator types the English beside each paragraph; nothing is translated by machine.</source>
        <translation>Una declaración en español se presenta con su traducción al inglés y un certificado de traducción. El traductor escribe el inglés al lado de cada párrafo; nada se traduce a máquina.</translation>
    </message>
    <message>
        <source>Numbered paragraphs. The closing under penalty of perjury (28 U.S.C. 1746), the date and the signature lines are added when it is printed.</source>
        <translation>Párrafos numerados. El cierre bajo pena de perjurio (28 U.S.C. 1746), la fecha y las líneas para firmar se agregan al imprimirla.</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Entrevista</translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation>Párrafos</translation>
    </message>
    <message>
        <source>No answers yet</source>
        <translation>Todavía no hay respuestas</translation>
    </message>
    <message>
        <source>Answer at least one question first.</source>
        <translation>Primero responda al menos una pregunta.</translation>
    </message>
    <message>
        <source>Replace the paragraphs?</source>
        <translation>¿Reemplazar los párrafos?</translation>
    </message>
    <message>
        <source>Replace the paragraphs with your answers? Changes made to them are lost.</source>
        <translation>¿Reemplazar los párrafos con sus respuestas? Se pierden los cambios que les hizo.</translation>
    </message>
    <message>
        <source>English translation needed</source>
        <translation>Falta la traducción al inglés</translation>
    </message>
    <message>
        <source>The declaration is saved. For filing, every paragraph needs its English translation; it is added to the packet when all are filled in.</source>
        <translation>La declaración está guardada. Para presentarla, cada párrafo necesita su traducción al inglés; se agrega al paquete cuando todos están llenos.</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <source>Select a document on the left to describe it and say what it shows.</source>
        <translation>Seleccione un documento a la izquierda para describirlo e indicar lo que demuestra.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or just the year</source>
        <translation>AAAA-MM-DD, o solo el año</translation>
    </message>
    <message>
        <source>For example: Spanish</source>
        <translation>Por ejemplo: Spanish (en inglés)</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>About this document</source>
        <translation>Sobre este documento</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>Ti&amp;po</translation>
    </message>
    <message>
        <source>Kind of document</source>
        <translation>Tipo de documento</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Emitido por</translation>
    </message>
    <message>
        <source>Date of the document</source>
        <translation>Fecha del documento</translation>
    </message>
    <message>
        <source>Language of the document</source>
        <translation>Idioma del documento</translation>
    </message>
    <message>
        <source>Issued &amp;by</source>
        <translation>Emitido p&amp;or</translation>
    </message>
    <message>
        <source>For ID documents: YYYY-MM-DD</source>
        <translation>Para documentos de identidad: AAAA-MM-DD</translation>
    </message>
    <message>
        <source>D&amp;ate</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Ex&amp;pires</source>
        <translation>Vencimi&amp;ento</translation>
    </message>
    <message>
        <source>Expiry date of an ID document</source>
        <translation>Fecha de vencimiento de un documento de identidad</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>What this document shows</source>
        <translation>Lo que demuestra este documento</translation>
    </message>
    <message>
        <source>Tick every point this document helps to prove.</source>
        <translation>Marque cada punto que este documento ayuda a demostrar.</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Traducción</translation>
    </message>
    <message>
        <source>This document is a translation of another one</source>
        <translation>Este documento es la traducción de otro</translation>
    </message>
    <message>
        <source>Original document</source>
        <translation>Documento original</translation>
    </message>
    <message>
        <source>Save translation details</source>
        <translation>Guardar los datos de la traducción</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Translator&apos;s name</source>
        <translation>Nombre de quien tradujo</translation>
    </message>
    <message>
        <source>Translator&apos;s address</source>
        <translation>Dirección de quien tradujo</translation>
    </message>
    <message>
        <source>Translator&apos;s phone</source>
        <translation>Teléfono de quien tradujo</translation>
    </message>
    <message>
        <source>Translated from</source>
        <translation>Idioma original</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation type="vanished">Identificación</translation>
    </message>
    <message>
        <source>Letter of support</source>
        <translation type="vanished">Carta de apoyo</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation type="vanished">Declaración</translation>
    </message>
    <message>
        <source>Tax record</source>
        <translation type="vanished">Impuestos</translation>
    </message>
    <message>
        <source>Pay stub</source>
        <translation type="vanished">Talón de pago</translation>
    </message>
    <message>
        <source>Bank statement</source>
        <translation type="vanished">Estado de cuenta</translation>
    </message>
    <message>
        <source>Lease or bill</source>
        <translation type="vanished">Alquiler o recibo</translation>
    </message>
    <message>
        <source>School record</source>
        <translation type="vanished">Constancia escolar</translation>
    </message>
    <message>
        <source>Medical record</source>
        <translation type="vanished">Expediente médico</translation>
    </message>
    <message>
        <source>Church or community record</source>
        <translation type="vanished">Iglesia o comunidad</translation>
    </message>
    <message>
        <source>Court record</source>
        <translation type="vanished">Documento judicial</translation>
    </message>
    <message>
        <source>Police record</source>
        <translation type="vanished">Documento policial</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="vanished">Certificado</translation>
    </message>
    <message>
        <source>Photograph</source>
        <translation type="vanished">Fotografía</translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="vanished">Otro</translation>
    </message>
    <message>
        <source>In the person&apos;s favour</source>
        <translation>A favor de la persona</translation>
    </message>
    <message>
        <source>Difficult points (with evidence that explains them)</source>
        <translation>Puntos difíciles (con pruebas que los explican)</translation>
    </message>
    <message>
        <source>Parts of the request</source>
        <translation>Partes de la solicitud</translation>
    </message>
    <message>
        <source>Examples: %1</source>
        <translation>Ejemplos: %1</translation>
    </message>
    <message>
        <source>A document needs a title.</source>
        <translation>El documento necesita un título.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD (for example 2021-03-15), or just the year.</source>
        <translation>Escriba la fecha como AAAA-MM-DD (por ejemplo 2021-03-15), o solo el año.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Saved. The points this kind of document usually shows are ticked; untick any that do not apply.</source>
        <translation>Guardado. Se marcaron los puntos que este tipo de documento suele mostrar; quite la marca de los que no correspondan.</translation>
    </message>
    <message>
        <source>Choose the original document first.</source>
        <translation>Primero elija el documento original.</translation>
    </message>
    <message>
        <source>Translation saved.</source>
        <translation>Traducción guardada.</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Supports</source>
        <translation>Respalda</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Not tagged yet</source>
        <translation>Sin factores marcados</translation>
    </message>
    <message>
        <source>%s (translation)</source>
        <translation>%s (traducción)</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>A change was not kept</source>
        <translation>No se guardó un cambio</translation>
    </message>
    <message>
        <source>When the vault locked, a change to a document&apos;s details was not valid (an empty title, or a date not written as YYYY-MM-DD) and could not be saved. Please check the document you were describing.</source>
        <translation>Cuando la caja fuerte se bloqueó, un cambio en los datos de un documento no era válido (un título vacío o una fecha que no estaba escrita como AAAA-MM-DD) y no se pudo guardar. Revise el documento que estaba describiendo.</translation>
    </message>
    <message>
        <source>Unsaved case details</source>
        <translation>Datos del caso sin guardar</translation>
    </message>
    <message>
        <source>The vault locked while the case form was open. What you had typed was kept in the vault. Open the form again to finish it?</source>
        <translation>La caja fuerte se bloqueó mientras el formulario del caso estaba abierto. Lo que había escrito se guardó en la caja fuerte. ¿Abrir el formulario otra vez para terminarlo?</translation>
    </message>
</context>
<context>
    <name>ExhibitHistory</name>
    <message>
        <source>group exhibits</source>
        <translation>agrupar anexos</translation>
    </message>
    <message>
        <source>ungroup the exhibit</source>
        <translation>separar el anexo</translation>
    </message>
    <message>
        <source>move the exhibit</source>
        <translation>mover el anexo</translation>
    </message>
    <message>
        <source>change the description</source>
        <translation>cambiar la descripción</translation>
    </message>
    <message>
        <source>default order</source>
        <translation>orden predeterminado</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
</context>
<context>
    <name>ExhibitListModel</name>
    <message numerus="yes">
        <source>(%n document(s))</source>
        <translation type="vanished">
            <numerusform>(%n documento)</numerusform>
            <numerusform>(%n documentos)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n documento</numerusform>
            <numerusform>%n documentos</numerusform>
        </translation>
    </message>
    <message>
        <source>Exhibit %1: %2</source>
        <translation>Anexo %1: %2</translation>
    </message>
</context>
<context>
    <name>ExhibitsPanel</name>
    <message>
        <source>This is the order of the packet. Drag an exhibit to move it; select several and press Group to make them one exhibit. Double-click a description to change it.</source>
        <translation>Este es el orden del paquete. Arrastre un anexo para moverlo; seleccione varios y pulse Agrupar para unirlos en un solo anexo. Haga doble clic en una descripción para cambiarla.</translation>
    </message>
    <message>
        <source>Exhibits</source>
        <translation>Anexos</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Agrupar</translation>
    </message>
    <message>
        <source>Ungroup</source>
        <translation>Separar</translation>
    </message>
    <message>
        <source>Make the selected exhibits one exhibit (Ctrl+G)</source>
        <translation>Unir los anexos seleccionados en uno solo (Ctrl+G)</translation>
    </message>
    <message>
        <source>Default order</source>
        <translation>Orden automático</translation>
    </message>
    <message>
        <source>Forget your order and sort the exhibits by factor and date</source>
        <translation>Olvidar su orden y ordenar los anexos por factor y fecha</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the exhibit packet</source>
        <translation>Exportar el paquete de anexos</translation>
    </message>
    <message>
        <source>Save the packet as</source>
        <translation>Guardar el paquete como</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Choose where to save the packet.</source>
        <translation>Elija dónde guardar el paquete.</translation>
    </message>
    <message>
        <source>Create the folder?</source>
        <translation>¿Crear la carpeta?</translation>
    </message>
    <message>
        <source>The folder %1 does not exist yet. Create it and save the packet there?</source>
        <translation>La carpeta %1 todavía no existe. ¿Crearla y guardar el paquete allí?</translation>
    </message>
    <message>
        <source>Choose a folder that exists, or let it be created.</source>
        <translation>Elija una carpeta que exista, o deje que se cree.</translation>
    </message>
    <message>
        <source>That folder cannot be created here. Choose another place.</source>
        <translation>No se puede crear esa carpeta aquí. Elija otro lugar.</translation>
    </message>
    <message>
        <source>That folder does not exist. Choose another place.</source>
        <translation type="vanished">Esa carpeta no existe. Elija otro lugar.</translation>
    </message>
    <message>
        <source>A file with that name exists already. Choose another name, so nothing is overwritten.</source>
        <translation>Ya existe un archivo con ese nombre. Elija otro nombre para no borrar nada.</translation>
    </message>
    <message numerus="yes">
        <source>The packet is one PDF with a cover page, an index and %n exhibit(s), numbered page by page. It is NOT encrypted: keep it somewhere safe.</source>
        <translation>
            <numerusform>El paquete es un solo PDF con portada, índice y %n anexo, con todas las páginas numeradas. NO está cifrado: guárdelo en un lugar seguro.</numerusform>
            <numerusform>El paquete es un solo PDF con portada, índice y %n anexos, con todas las páginas numeradas. NO está cifrado: guárdelo en un lugar seguro.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportFailureBox</name>
    <message>
        <source>The packet could not be made</source>
        <translation>No se pudo hacer el paquete</translation>
    </message>
    <message>
        <source>Nothing was written. Open the document to look at it: import a new scan or photo of it, or remove the damaged file, then export again.</source>
        <translation>No se escribió nada. Abra el documento para revisarlo: agregue un nuevo escaneo o foto, o quite el archivo dañado, y luego exporte de nuevo.</translation>
    </message>
    <message>
        <source>&amp;Open the document</source>
        <translation>&amp;Abrir el documento</translation>
    </message>
</context>
<context>
    <name>ExportReport</name>
    <message>
        <source>Packet ready</source>
        <translation>El paquete está listo</translation>
    </message>
    <message numerus="yes">
        <source>The packet was written and checked: %n page(s).</source>
        <translation>
            <numerusform>El paquete se guardó y se revisó: %n página.</numerusform>
            <numerusform>El paquete se guardó y se revisó: %n páginas.</numerusform>
        </translation>
    </message>
    <message>
        <source>In the &amp;folder:</source>
        <translation>En la &amp;carpeta:</translation>
    </message>
    <message>
        <source>Folder of the files</source>
        <translation>Carpeta de los archivos</translation>
    </message>
    <message>
        <source>Files written</source>
        <translation>Archivos guardados</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>What it holds</source>
        <translation>Qué contiene</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Please check:</source>
        <translation>Revise, por favor:</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Abrir la carpeta</translation>
    </message>
    <message>
        <source>Cop&amp;y the folder&apos;s path</source>
        <translation>Cop&amp;iar la ruta de la carpeta</translation>
    </message>
    <message numerus="yes">
        <source>The packet, %n page(s)</source>
        <translation>
            <numerusform>El paquete, %n página</numerusform>
            <numerusform>El paquete, %n páginas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Part %1 of %2, %n page(s)</source>
        <translation>
            <numerusform>Parte %1 de %2, %n página</numerusform>
            <numerusform>Parte %1 de %2, %n páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>List of files and checksums</source>
        <translation>Lista de archivos y sumas de verificación</translation>
    </message>
    <message>
        <source>Spanish index for the client</source>
        <translation>Índice en español para el cliente</translation>
    </message>
    <message>
        <source>No program to show folders was found on this computer. The files are in the folder shown above: copy its path and open it from your file manager or the program you upload with.</source>
        <translation>No se encontró en esta computadora un programa para mostrar carpetas. Los archivos están en la carpeta que aparece arriba: copie su ruta y ábrala desde su administrador de archivos o desde el programa con el que los sube.</translation>
    </message>
</context>
<context>
    <name>FindingsView</name>
    <message>
        <source>Stop: talk to a lawyer or fix these before sending</source>
        <translation>Alto: hable con un abogado o corrija esto antes de enviar</translation>
    </message>
    <message>
        <source>Check these before sending</source>
        <translation>Revise esto antes de enviar</translation>
    </message>
    <message>
        <source>Good to know</source>
        <translation>Para tener en cuenta</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Qué hacer:</translation>
    </message>
    <message>
        <source>Open “%1”</source>
        <translation>Abrir «%1»</translation>
    </message>
    <message>
        <source>Edit the case profile</source>
        <translation>Editar el perfil del caso</translation>
    </message>
</context>
<context>
    <name>Folders</name>
    <message>
        <source>Create the folder?</source>
        <translation>¿Crear la carpeta?</translation>
    </message>
    <message>
        <source>The folder %1 does not exist yet. Create it?</source>
        <translation>La carpeta %1 todavía no existe. ¿Crearla?</translation>
    </message>
    <message>
        <source>Choose a folder that exists, or let it be created.</source>
        <translation>Elija una carpeta que exista, o deje que se cree.</translation>
    </message>
    <message>
        <source>That folder cannot be created here. Choose another place.</source>
        <translation>No se puede crear esa carpeta aquí. Elija otro lugar.</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <source>Give %1 their own vault</source>
        <translation>Entregar a %1 su propia caja fuerte</translation>
    </message>
    <message>
        <source>A new vault file is made that holds only this case, with all its documents, locked with a passphrase for this person. Put it on their USB stick or phone; they can open it with pdorganizer and bring it to the next clinic.</source>
        <translation>Se crea un archivo de caja fuerte nuevo que tiene solo este caso, con todos sus documentos, cerrado con una contraseña para esta persona. Guárdelo en su memoria USB o su teléfono; la persona puede abrirlo con pdorganizer y traerlo a la próxima clínica.</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Where to save the new vault</source>
        <translation>Dónde guardar la caja fuerte nueva</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>&amp;Make up six words for the person</source>
        <translation>&amp;Inventar seis palabras para la persona</translation>
    </message>
    <message>
        <source>The person &amp;types a passphrase</source>
        <translation>La persona escribe &amp;una contraseña</translation>
    </message>
    <message>
        <source>English words</source>
        <translation>Palabras en inglés</translation>
    </message>
    <message>
        <source>Spanish words</source>
        <translation>Palabras en español</translation>
    </message>
    <message>
        <source>Language of the words</source>
        <translation>Idioma de las palabras</translation>
    </message>
    <message>
        <source>Generated passphrase</source>
        <translation>Contraseña inventada</translation>
    </message>
    <message>
        <source>&amp;Other words</source>
        <translation>&amp;Otras palabras</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repítala</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repítala:</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;Guardar como:</translation>
    </message>
    <message>
        <source>Write the file</source>
        <translation>Crear el archivo</translation>
    </message>
    <message>
        <source>Save the client&apos;s vault as</source>
        <translation>Guardar la caja fuerte del cliente como</translation>
    </message>
    <message>
        <source>Vaults (*%1)</source>
        <translation>Cajas fuertes (*%1)</translation>
    </message>
    <message>
        <source>Choose where to save the vault.</source>
        <translation>Elija dónde guardar la caja fuerte.</translation>
    </message>
    <message>
        <source>A file with this name exists already. Choose another name; nothing will be overwritten.</source>
        <translation>Ya existe un archivo con este nombre. Elija otro nombre; no se borrará nada.</translation>
    </message>
    <message>
        <source>That folder does not exist. Choose another place.</source>
        <translation>Esa carpeta no existe. Elija otro lugar.</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>La contraseña necesita al menos %n carácter.</numerusform>
            <numerusform>La contraseña necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are different. Type the same passphrase twice.</source>
        <translation>Las dos contraseñas no coinciden. Escriba la misma contraseña dos veces.</translation>
    </message>
</context>
<context>
    <name>HandoffDone</name>
    <message>
        <source>The client&apos;s vault is ready</source>
        <translation>La caja fuerte del cliente está lista</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n document(s) of %2. Give the person the file and its passphrase. Without the passphrase nobody can open it.</source>
        <translation>
            <numerusform>%1 tiene %n documento de %2. Entregue a la persona el archivo y su contraseña. Sin la contraseña nadie puede abrirlo.</numerusform>
            <numerusform>%1 tiene %n documentos de %2. Entregue a la persona el archivo y su contraseña. Sin la contraseña nadie puede abrirlo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the hand-off &amp;sheet (PDF)…</source>
        <translation>Guardar la &amp;hoja de entrega (PDF)…</translation>
    </message>
    <message>
        <source>One page with the name, the file, the passphrase and how to open it</source>
        <translation>Una página con el nombre, el archivo, la contraseña y cómo abrirlo</translation>
    </message>
    <message>
        <source>Save the hand-off sheet as</source>
        <translation>Guardar la hoja de entrega como</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Sheet saved: %1 (print it from there)</source>
        <translation>Hoja guardada: %1 (imprímala desde ahí)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import files</source>
        <translation>Agregar archivos</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) will be added to this case.</source>
        <translation>
            <numerusform>Se agregará %n archivo a este caso.</numerusform>
            <numerusform>Se agregarán %n archivos a este caso.</numerusform>
        </translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>Archivos que se agregarán</translation>
    </message>
    <message>
        <source>&amp;Combine into one document (several photos of the same paper)</source>
        <translation>&amp;Unir en un solo documento (varias fotos del mismo papel)</translation>
    </message>
    <message>
        <source>Combine into one document</source>
        <translation>Unir en un solo documento</translation>
    </message>
    <message>
        <source>Leave this off when each file is a different paper.</source>
        <translation>Déjelo sin marcar si cada archivo es un papel distinto.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Agregar</translation>
    </message>
</context>
<context>
    <name>ImportNote</name>
    <message>
        <source>photo: no page outline found; the page was left as it was</source>
        <translation>foto: no se encontró el borde de la página; la página se dejó tal como estaba</translation>
    </message>
    <message>
        <source>photo: no page outline found; only the lighting was evened out</source>
        <translation>foto: no se encontró el borde de la página; solo se emparejó la iluminación</translation>
    </message>
    <message>
        <source>photo clean-up skipped: the picture could not be decoded again</source>
        <translation>no se limpió la foto: la imagen no se pudo volver a leer</translation>
    </message>
    <message>
        <source>photo clean-up failed; the page was left as it was</source>
        <translation>la limpieza de la foto falló; la página se dejó tal como estaba</translation>
    </message>
    <message>
        <source>an animated GIF; only its first frame was imported</source>
        <translation>un GIF animado; solo se agregó su primer cuadro</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>Import finished</source>
        <translation>Terminó de agregar archivos</translation>
    </message>
    <message>
        <source>Nothing was added</source>
        <translation>No se agregó nada</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) added.</source>
        <translation>
            <numerusform>Se agregó %n documento.</numerusform>
            <numerusform>Se agregaron %n documentos.</numerusform>
        </translation>
    </message>
    <message>
        <source>No document was added to this case.</source>
        <translation>No se agregó ningún documento a este caso.</translation>
    </message>
    <message>
        <source>Remarks on imported files</source>
        <translation>Observaciones sobre los archivos agregados</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) were already in this case and were skipped:</source>
        <translation>
            <numerusform>%n archivo ya estaba en este caso y no se agregó de nuevo:</numerusform>
            <numerusform>%n archivos ya estaban en este caso y no se agregaron de nuevo:</numerusform>
        </translation>
    </message>
    <message>
        <source>Files already in this case</source>
        <translation>Archivos que ya estaban en este caso</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported:</source>
        <translation>
            <numerusform>No se pudo agregar %n archivo:</numerusform>
            <numerusform>No se pudieron agregar %n archivos:</numerusform>
        </translation>
    </message>
    <message>
        <source>Files that could not be imported</source>
        <translation>Archivos que no se pudieron agregar</translation>
    </message>
    <message>
        <source>The other files were imported. You can take a new photo or scan of these papers and import it again.</source>
        <translation>Los demás archivos sí se agregaron. Puede tomar otra foto o escanear de nuevo esos papeles y volver a agregarlos.</translation>
    </message>
    <message>
        <source>You can take a new photo or scan of these papers and import it again.</source>
        <translation>Puede tomar una foto nueva o escanear otra vez estos papeles y agregarlos de nuevo.</translation>
    </message>
    <message>
        <source>%1: an animated GIF; only its first frame was imported.</source>
        <translation type="vanished">%1: un GIF animado; solo se agregó su primer cuadro.</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Hace falta la contraseña</translation>
    </message>
    <message>
        <source>%1 is protected by a password. Type the password to import it, or press Cancel to skip this file.</source>
        <translation>%1 está protegido con contraseña. Escriba la contraseña para agregarlo, o pulse Cancelar para dejar fuera este archivo.</translation>
    </message>
    <message>
        <source>%1: already here as “%2”</source>
        <translation>%1: ya está aquí como «%2»</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Deteniendo al terminar este paso…</translation>
    </message>
</context>
<context>
    <name>LetterEditor</name>
    <message>
        <source>Request letter</source>
        <translation>Carta de solicitud</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Write a first draft from the case: profile, factors and documents</source>
        <translation>Escribir un primer borrador con los datos del caso: perfil, factores y documentos</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Negrita</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Cursiva</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Subheading</source>
        <translation>Subtítulo</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Párrafo</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Insert citation…</source>
        <translation>Insertar cita…</translation>
    </message>
    <message>
        <source>Word copy…</source>
        <translation>Copia en Word…</translation>
    </message>
    <message>
        <source>Save an editable Word copy; its citations no longer update</source>
        <translation>Guardar una copia editable en Word; sus citas ya no se actualizan</translation>
    </message>
    <message>
        <source>The letter goes first in the packet. Citations show the exhibit and page as the packet will; they follow when exhibits move. Text in [WRITER: ...] is for you to replace.</source>
        <translation>La carta va primero en el paquete. Las citas muestran el anexo y la página como los mostrará el paquete, y se actualizan cuando los anexos cambian de lugar. El texto entre [WRITER: ...] es para que usted lo reemplace.</translation>
    </message>
    <message numerus="yes">
        <source>%n citation(s) point to a document or page that is not in the packet.</source>
        <translation>
            <numerusform>%n cita apunta a un documento o una página que no está en el paquete.</numerusform>
            <numerusform>%n citas apuntan a documentos o páginas que no están en el paquete.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved. Every citation points into the packet.</source>
        <translation>Guardada. Todas las citas apuntan a páginas del paquete.</translation>
    </message>
    <message>
        <source>No letter yet. Draft one from the case, or type.</source>
        <translation>Todavía no hay carta. Haga un borrador con los datos del caso, o escriba.</translation>
    </message>
    <message>
        <source>Replace the letter?</source>
        <translation>¿Reemplazar la carta?</translation>
    </message>
    <message>
        <source>Replace the letter with a new draft? What you wrote is lost.</source>
        <translation>¿Reemplazar la carta con un borrador nuevo? Se pierde lo que escribió.</translation>
    </message>
    <message>
        <source>Talk to a lawyer</source>
        <translation>Hable con un abogado</translation>
    </message>
    <message>
        <source>Since 2025, some people whose cases were dismissed were arrested and placed in expedited removal. Talk to a lawyer before asking for dismissal.</source>
        <translation>Desde 2025, a algunas personas cuyo caso fue desestimado las arrestaron y les aplicaron la deportación acelerada. Hable con un abogado antes de pedir la desestimación.</translation>
    </message>
    <message>
        <source>Save a Word copy</source>
        <translation>Guardar una copia en Word</translation>
    </message>
    <message>
        <source>Word copy saved</source>
        <translation>Copia en Word guardada</translation>
    </message>
    <message>
        <source>The Word copy is saved. Its citations are plain text: they no longer update when you reorder the exhibits. Keep editing here to keep them live.</source>
        <translation>La copia en Word está guardada. Sus citas son texto fijo: ya no se actualizan si cambia el orden de los anexos. Siga editando aquí para que se mantengan al día.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Open vault…</source>
        <translation>&amp;Abrir caja fuerte…</translation>
    </message>
    <message>
        <source>New &amp;vault…</source>
        <translation>&amp;Nueva caja fuerte…</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>A&amp;gregar archivos…</translation>
    </message>
    <message>
        <source>Add photos or PDF files to this case</source>
        <translation>Agregar fotos o archivos PDF a este caso</translation>
    </message>
    <message>
        <source>&amp;Export packet…</source>
        <translation>&amp;Exportar el paquete…</translation>
    </message>
    <message>
        <source>Make the exhibit packet (PDF)</source>
        <translation>Preparar el paquete de anexos (PDF)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Lock the vault now</source>
        <translation>Bloquear la caja fuerte ahora</translation>
    </message>
    <message>
        <source>&amp;Close vault</source>
        <translation>&amp;Cerrar la caja fuerte</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Con&amp;figuración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>Caso nue&amp;vo…</translation>
    </message>
    <message>
        <source>&amp;Edit case…</source>
        <translation>&amp;Editar el caso…</translation>
    </message>
    <message>
        <source>&amp;Remove case…</source>
        <translation>&amp;Quitar el caso…</translation>
    </message>
    <message>
        <source>&amp;Find a case</source>
        <translation>&amp;Buscar un caso</translation>
    </message>
    <message>
        <source>&amp;Combine selected documents</source>
        <translation>&amp;Unir los documentos seleccionados</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>Cambiar el &amp;nombre</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Borrar</translation>
    </message>
    <message>
        <source>As a &amp;list</source>
        <translation>En una &amp;lista</translation>
    </message>
    <message>
        <source>As &amp;pictures</source>
        <translation>Como &amp;imágenes</translation>
    </message>
    <message>
        <source>&amp;About pdorganizer</source>
        <translation>&amp;Acerca de pdorganizer</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Caso</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Documento</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Main actions</source>
        <translation>Acciones principales</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueada</translation>
    </message>
    <message>
        <source>Vault unlocked.</source>
        <translation>Caja fuerte desbloqueada.</translation>
    </message>
    <message>
        <source>Choose photos or PDF files</source>
        <translation>Elija fotos o archivos PDF</translation>
    </message>
    <message>
        <source>Photos and PDF files (%1);;All files (*)</source>
        <translation>Fotos y archivos PDF (%1);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Agregando archivos</translation>
    </message>
    <message>
        <source>Adding the files to the vault…</source>
        <translation>Guardando los archivos en la caja fuerte…</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) added.</source>
        <translation>
            <numerusform>Se agregó %n documento.</numerusform>
            <numerusform>Se agregaron %n documentos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import stopped. Files imported before you pressed Cancel are kept.</source>
        <translation>Se detuvo la importación. Los archivos que se agregaron antes de pulsar Cancelar se conservan.</translation>
    </message>
    <message>
        <source>Nothing to export yet</source>
        <translation>Todavía no hay nada que exportar</translation>
    </message>
    <message>
        <source>Import at least one document into this case first.</source>
        <translation>Primero agregue al menos un documento a este caso.</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportando</translation>
    </message>
    <message>
        <source>Making the exhibit packet…</source>
        <translation>Preparando el paquete de anexos…</translation>
    </message>
    <message>
        <source>Export stopped; no packet was written.</source>
        <translation>Se detuvo la exportación; no se guardó ningún paquete.</translation>
    </message>
    <message>
        <source>About pdorganizer</source>
        <translation>Acerca de pdorganizer</translation>
    </message>
    <message>
        <source>&lt;b&gt;pdorganizer %1&lt;/b&gt;&lt;p&gt;Organises the evidence for a request for prosecutorial discretion and makes an indexed exhibit packet.&lt;/p&gt;&lt;p&gt;Everything stays on this computer, in an encrypted vault. The program never connects to the internet.&lt;/p&gt;&lt;p&gt;This program does not give legal advice.&lt;/p&gt;</source>
        <translation>&lt;b&gt;pdorganizer %1&lt;/b&gt;&lt;p&gt;Ordena las pruebas de una solicitud de discreción procesal y prepara un paquete de anexos con índice.&lt;/p&gt;&lt;p&gt;Todo se queda en esta computadora, en una caja fuerte cifrada. El programa nunca se conecta a internet.&lt;/p&gt;&lt;p&gt;Este programa no da asesoría legal.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="vanished">Atajos de teclado</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Work is still running. Stop it and quit?</source>
        <translation>Todavía hay un trabajo en curso. ¿Detenerlo y salir?</translation>
    </message>
</context>
<context>
    <name>OptionsForm</name>
    <message>
        <source>Immigration court (EOIR), 25 MB parts</source>
        <translation>Corte de inmigración (EOIR), partes de 25 MB</translation>
    </message>
    <message>
        <source>ICE OPLA prosecutorial discretion request</source>
        <translation>Solicitud de discreción procesal a OPLA (ICE)</translation>
    </message>
    <message>
        <source>USCIS, 12 MB parts</source>
        <translation>USCIS, partes de 12 MB</translation>
    </message>
    <message>
        <source>Compact (smaller files, good for uploading)</source>
        <translation>Compacta (archivos más pequeños, buena para subir por internet)</translation>
    </message>
    <message>
        <source>Original (largest files, full detail)</source>
        <translation>Original (archivos más grandes, todo el detalle)</translation>
    </message>
    <message>
        <source>As the destination requires</source>
        <translation>Según lo que pida el destino</translation>
    </message>
    <message>
        <source>Page number: 12</source>
        <translation>Número de página: 12</translation>
    </message>
    <message>
        <source>Page 12 of 143</source>
        <translation>Página 12 de 143</translation>
    </message>
    <message>
        <source>Bates number: PD-000012</source>
        <translation>Número Bates: PD-000012</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>Abajo a la izquierda</translation>
    </message>
    <message>
        <source>Bottom centre</source>
        <translation>Abajo al centro</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>Abajo a la derecha</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Separate file (JSON)</source>
        <translation>Archivo aparte (JSON)</translation>
    </message>
    <message>
        <source>As a last page</source>
        <translation>Como última página</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Cover page</source>
        <translation>Portada</translation>
    </message>
    <message>
        <source>The request letter after the cover, if the case has one</source>
        <translation>La carta de solicitud después de la portada, si el caso la tiene</translation>
    </message>
    <message>
        <source>Certificate of service as the last page</source>
        <translation>Certificado de notificación como última página</translation>
    </message>
    <message>
        <source>Group the index by factor</source>
        <translation>Agrupar el índice por factor</translation>
    </message>
    <message>
        <source>Also a Spanish copy of the index for the client (not for filing)</source>
        <translation>También una copia del índice en español para la persona (no se presenta)</translation>
    </message>
    <message>
        <source>A timeline of the dated evidence after the index</source>
        <translation>Una línea de tiempo de las pruebas con fecha después del índice</translation>
    </message>
    <message>
        <source>Default title for the destination</source>
        <translation>Título habitual para ese destino</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Enviar a</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>Size limit per file</source>
        <translation>Tamaño máximo por archivo</translation>
    </message>
    <message>
        <source>Page labels</source>
        <translation>Numeración de páginas</translation>
    </message>
    <message>
        <source>Bates prefix</source>
        <translation>Prefijo Bates</translation>
    </message>
    <message>
        <source>First number</source>
        <translation>Primer número</translation>
    </message>
    <message>
        <source>Label position</source>
        <translation>Posición del número</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>List of files and checksums</source>
        <translation>Lista de archivos y sumas de verificación</translation>
    </message>
    <message>
        <source>Title on the cover</source>
        <translation>Título en la portada</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation>Cambiar la contraseña</translation>
    </message>
    <message>
        <source>The vault is written again, locked with the new passphrase. Until that is finished the old passphrase keeps working. Backups made before keep their old passphrase.</source>
        <translation>La caja fuerte se vuelve a escribir, cerrada con la contraseña nueva. Hasta que termine, la contraseña anterior sigue sirviendo. Las copias de seguridad hechas antes conservan la contraseña anterior.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Repita la contraseña nueva</translation>
    </message>
    <message>
        <source>Show the passphrases</source>
        <translation>Mostrar las contraseñas</translation>
    </message>
    <message>
        <source>&amp;Current:</source>
        <translation>&amp;Actual:</translation>
    </message>
    <message>
        <source>&amp;New:</source>
        <translation>&amp;Nueva:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repítala:</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Muy débil</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Débil</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Aceptable</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Buena</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Muy buena</translation>
    </message>
    <message>
        <source>Strength: %1</source>
        <translation>Seguridad: %1</translation>
    </message>
    <message>
        <source>Type the current passphrase.</source>
        <translation>Escriba la contraseña actual.</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>La contraseña necesita al menos %n carácter.</numerusform>
            <numerusform>La contraseña necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are different. Type the same passphrase twice.</source>
        <translation>Las dos contraseñas no coinciden. Escriba la misma contraseña dos veces.</translation>
    </message>
</context>
<context>
    <name>PdoError</name>
    <message>
        <source>wrong passphrase, or not a pdorganizer vault</source>
        <translation>la contraseña no es correcta, o el archivo no es una caja fuerte de pdorganizer</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>unknown kind of document {kind}; see &apos;pdorganizer kinds&apos;</source>
        <translation>tipo de documento desconocido: {kind}; vea &apos;pdorganizer kinds&apos;</translation>
    </message>
    <message>
        <source>no word list for the language {lang}</source>
        <translation>no hay lista de palabras para el idioma {lang}</translation>
    </message>
    <message>
        <source>a generated passphrase has {low} to {high} words</source>
        <translation>una contraseña inventada tiene de {low} a {high} palabras</translation>
    </message>
    <message>
        <source>the hand-off must not replace the vault itself</source>
        <translation>la caja fuerte para entregar no puede reemplazar a esta misma caja fuerte</translation>
    </message>
    <message>
        <source>choose the client&apos;s file, not this vault itself</source>
        <translation>elija el archivo del cliente, no esta misma caja fuerte</translation>
    </message>
    <message>
        <source>the vault check found a problem after the merge: {problem}</source>
        <translation type="vanished">la verificación encontró un problema en la caja fuerte después de recibir el archivo: {problem}</translation>
    </message>
    <message>
        <source>the hand-off copy did not pass its check; nothing was written</source>
        <translation>la copia para entregar no pasó la verificación; no se escribió nada</translation>
    </message>
    <message>
        <source>the hand-off copy did not match the case; nothing was written</source>
        <translation>la copia para entregar no coincidía con el caso; no se escribió nada</translation>
    </message>
    <message>
        <source>the passphrase is empty</source>
        <translation>la contraseña está vacía</translation>
    </message>
    <message>
        <source>the passphrase contains characters that are not valid text (UTF-8); type it again, or save the passphrase file as UTF-8</source>
        <translation>la contraseña contiene caracteres que no son texto válido (UTF-8); escríbala de nuevo o guarde el archivo de la contraseña como UTF-8</translation>
    </message>
    <message>
        <source>no source file {id} in this vault</source>
        <translation>no hay un archivo original {id} en esta caja fuerte</translation>
    </message>
    <message>
        <source>no case {id} in this vault</source>
        <translation>no hay un caso {id} en esta caja fuerte</translation>
    </message>
    <message>
        <source>no document {id} in this vault</source>
        <translation>no hay un documento {id} en esta caja fuerte</translation>
    </message>
    <message>
        <source>no page {id} in this vault</source>
        <translation>no hay una página {id} en esta caja fuerte</translation>
    </message>
    <message>
        <source>a case needs the person&apos;s name</source>
        <translation>el caso necesita el nombre de la persona</translation>
    </message>
    <message>
        <source>unknown kind of PD {kind}; choose one of {choices}</source>
        <translation>tipo de discreción procesal desconocido: {kind}; elija uno de {choices}</translation>
    </message>
    <message>
        <source>write the entry date as YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>escriba la fecha de entrada como AAAA, AAAA-MM o AAAA-MM-DD</translation>
    </message>
    <message>
        <source>a document needs a title</source>
        <translation>el documento necesita un título</translation>
    </message>
    <message>
        <source>write dates as YYYY-MM-DD, YYYY-MM or just the year</source>
        <translation>escriba las fechas como AAAA-MM-DD, AAAA-MM o solo el año</translation>
    </message>
    <message>
        <source>a document needs at least one file and one page</source>
        <translation>un documento necesita al menos un archivo y una página</translation>
    </message>
    <message>
        <source>a document cannot be its own translation</source>
        <translation>un documento no puede ser su propia traducción</translation>
    </message>
    <message>
        <source>pages turn in steps of 90 degrees</source>
        <translation>las páginas se giran de 90 en 90 grados</translation>
    </message>
    <message>
        <source>the new order must name every page of the document once</source>
        <translation>el orden nuevo debe incluir cada página del documento una sola vez</translation>
    </message>
    <message>
        <source>that page is not in this document</source>
        <translation>esa página no está en este documento</translation>
    </message>
    <message>
        <source>choose a page after the first one to split at</source>
        <translation>elija una página después de la primera para dividir ahí el documento</translation>
    </message>
    <message>
        <source>choose two or more different documents to merge</source>
        <translation>elija dos o más documentos distintos para unirlos</translation>
    </message>
    <message>
        <source>only documents of the same case can be merged</source>
        <translation>solo se pueden unir documentos del mismo caso</translation>
    </message>
    <message>
        <source>a translation must belong to the same case as its original</source>
        <translation>la traducción debe estar en el mismo caso que su original</translation>
    </message>
    <message>
        <source>the original is itself a translation</source>
        <translation>el original ya es una traducción</translation>
    </message>
    <message>
        <source>this is the document&apos;s only page; delete the document instead</source>
        <translation>esta es la única página del documento; mejor borre el documento</translation>
    </message>
    <message>
        <source>an exhibit needs at least one document</source>
        <translation>un anexo necesita al menos un documento</translation>
    </message>
    <message>
        <source>document {doc} is not in this case</source>
        <translation>el documento {doc} no es de este caso</translation>
    </message>
    <message>
        <source>document {doc} is in more than one exhibit</source>
        <translation>el documento {doc} está en más de un anexo</translation>
    </message>
    <message>
        <source>a factor needs a name</source>
        <translation>el factor necesita un nombre</translation>
    </message>
    <message>
        <source>a factor named {label!r} exists already</source>
        <translation>ya existe un factor llamado {label!r}</translation>
    </message>
    <message>
        <source>this vault was made by a newer version of pdorganizer (schema {schema}); please update pdorganizer to open it</source>
        <translation>esta caja fuerte se creó con una versión más nueva de pdorganizer (esquema {schema}); actualice pdorganizer para abrirla</translation>
    </message>
    <message>
        <source>the vault is in use by another program; close it there and try again</source>
        <translation>otro programa está usando la caja fuerte; ciérrela allí y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>the vault file cannot be written (is it read-only?)</source>
        <translation>no se puede guardar en el archivo de la caja fuerte (¿es de solo lectura?)</translation>
    </message>
    <message>
        <source>the disk is full; nothing was changed</source>
        <translation>el disco está lleno; no se cambió nada</translation>
    </message>
    <message>
        <source>the vault file could not be written (disk error); nothing was changed</source>
        <translation>no se pudo guardar en el archivo de la caja fuerte (error del disco); no se cambió nada</translation>
    </message>
    <message>
        <source>the folder {folder} cannot be written (is it read-only?); nothing was changed</source>
        <translation>no se puede escribir en la carpeta {folder} (¿es de solo lectura?); no se cambió nada</translation>
    </message>
    <message>
        <source>photo clean-up is not part of this installation (OpenCV is missing)</source>
        <translation type="vanished">la limpieza de fotos no forma parte de esta instalación (falta OpenCV)</translation>
    </message>
    <message>
        <source>only photographed pages can be cleaned; this page is from a PDF</source>
        <translation>solo se pueden limpiar las páginas fotografiadas; esta página viene de un PDF</translation>
    </message>
    <message>
        <source>no page outline found; give the corners with --corners</source>
        <translation>no se encontró el contorno de la página; indique las esquinas con --corners</translation>
    </message>
    <message>
        <source>the corners must be eight numbers x1,y1,...,x4,y4 inside the picture ({width} x {height} pixels)</source>
        <translation>las esquinas deben ser ocho números x1,y1,...,x4,y4 dentro de la foto ({width} x {height} píxeles)</translation>
    </message>
    <message>
        <source>the declaration&apos;s language must be en or es</source>
        <translation>el idioma de la declaración debe ser en o es</translation>
    </message>
    <message>
        <source>this case has no declaration to translate yet</source>
        <translation>este caso todavía no tiene una declaración que traducir</translation>
    </message>
    <message>
        <source>the declaration is in English; it needs no translation</source>
        <translation>la declaración está en inglés; no necesita traducción</translation>
    </message>
    <message>
        <source>this case has no declaration yet</source>
        <translation>este caso todavía no tiene declaración</translation>
    </message>
    <message>
        <source>the translation has {got} paragraphs; the declaration has {want}</source>
        <translation>la traducción tiene {got} párrafos; la declaración tiene {want}</translation>
    </message>
    <message>
        <source>the declaration has no English translation yet</source>
        <translation>la declaración todavía no tiene traducción al inglés</translation>
    </message>
    <message>
        <source>the Word copy&apos;s name must end in .docx</source>
        <translation>el nombre de la copia en Word debe terminar en .docx</translation>
    </message>
    <message>
        <source>could not write {file}: {reason}</source>
        <translation>no se pudo escribir {file}: {reason}</translation>
    </message>
    <message>
        <source>this case already has a letter; use --force to replace it with a new draft</source>
        <translation>este caso ya tiene una carta; use --force para reemplazarla con un borrador nuevo</translation>
    </message>
    <message>
        <source>the letter is empty; use --clear to remove it</source>
        <translation>la carta está vacía; use --clear para quitarla</translation>
    </message>
    <message>
        <source>the text is too long (more than 2 million characters)</source>
        <translation>el texto es demasiado largo (más de 2 millones de caracteres)</translation>
    </message>
    <message>
        <source>{name} already exists; choose another name</source>
        <translation>{name} ya existe; elija otro nombre</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>la carpeta {folder} no existe</translation>
    </message>
    <message>
        <source>no vault at {path}</source>
        <translation>no hay ninguna caja fuerte en {path}</translation>
    </message>
    <message>
        <source>the vault is locked</source>
        <translation>la caja fuerte está bloqueada</translation>
    </message>
    <message>
        <source>the backup must not replace the vault itself</source>
        <translation>la copia de seguridad no puede reemplazar a la misma caja fuerte</translation>
    </message>
    <message>
        <source>the new passphrase is empty</source>
        <translation>la contraseña nueva está vacía</translation>
    </message>
    <message>
        <source>image too large</source>
        <translation>la imagen es demasiado grande</translation>
    </message>
    <message>
        <source>the file is damaged or incomplete</source>
        <translation>el archivo está dañado o incompleto</translation>
    </message>
    <message>
        <source>not an image or PDF</source>
        <translation>no es una imagen ni un PDF</translation>
    </message>
    <message>
        <source>too many pages in one image file</source>
        <translation>demasiadas páginas en un solo archivo de imagen</translation>
    </message>
    <message>
        <source>password-protected PDF</source>
        <translation>PDF protegido con contraseña</translation>
    </message>
    <message>
        <source>a page of this PDF has an impossible size</source>
        <translation>una página de este PDF tiene un tamaño imposible</translation>
    </message>
    <message>
        <source>too many pages in one PDF</source>
        <translation>demasiadas páginas en un solo PDF</translation>
    </message>
    <message>
        <source>an image in this PDF is too large</source>
        <translation>una imagen de este PDF es demasiado grande</translation>
    </message>
    <message>
        <source>the client&apos;s file could not be merged; nothing was changed</source>
        <translation>no se pudo recibir el archivo del cliente; no se cambió nada</translation>
    </message>
    <message>
        <source>no case {case} in this vault</source>
        <translation>no hay un caso {case} en esta caja fuerte</translation>
    </message>
    <message>
        <source>this PDF is encrypted in a way this app cannot read</source>
        <translation>este PDF está cifrado de una forma que este programa no puede leer</translation>
    </message>
    <message>
        <source>the file is too large (over 1 GB)</source>
        <translation>el archivo es demasiado grande (más de 1 GB)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>esto es una carpeta, no un archivo</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>no es un archivo normal</translation>
    </message>
    <message>
        <source>the file does not exist (moved or deleted?)</source>
        <translation>el archivo no existe (¿se movió o se borró?)</translation>
    </message>
    <message>
        <source>the file cannot be read (permission denied)</source>
        <translation>no se puede leer el archivo (no hay permiso)</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>no se puede leer el archivo</translation>
    </message>
    <message>
        <source>import cancelled</source>
        <translation>se canceló la importación</translation>
    </message>
    <message>
        <source>the disk is full; this file was not kept</source>
        <translation>el disco está lleno; este archivo no se guardó</translation>
    </message>
    <message>
        <source>the vault file cannot be written (is it read-only?); this file was not kept</source>
        <translation>no se puede escribir en el archivo de la caja fuerte (¿es de solo lectura?); este archivo no se guardó</translation>
    </message>
    <message>
        <source>the vault is in use by another program; this file was not kept</source>
        <translation>otro programa está usando la caja fuerte; este archivo no se guardó</translation>
    </message>
    <message>
        <source>the vault file could not be written (disk error); this file was not kept</source>
        <translation>no se pudo escribir en el archivo de la caja fuerte (error del disco); este archivo no se guardó</translation>
    </message>
    <message>
        <source>this case has no documents to list</source>
        <translation>este caso no tiene documentos para poner en la lista</translation>
    </message>
    <message>
        <source>an image file is damaged (its JPEG data does not parse)</source>
        <translation>un archivo de imagen está dañado (sus datos JPEG no se pueden leer)</translation>
    </message>
    <message>
        <source>page size must be letter or a4</source>
        <translation>el tamaño de página debe ser carta (letter) o A4</translation>
    </message>
    <message>
        <source>a PDF in this case is password-protected</source>
        <translation type="vanished">un PDF de este caso está protegido con contraseña</translation>
    </message>
    <message>
        <source>a PDF in this case is encrypted in a way this app cannot read</source>
        <translation type="vanished">un PDF de este caso está cifrado de una forma que este programa no puede leer</translation>
    </message>
    <message>
        <source>a PDF in this case is damaged</source>
        <translation type="vanished">un PDF de este caso está dañado</translation>
    </message>
    <message>
        <source>this case has no documents to export</source>
        <translation>este caso no tiene documentos para exportar</translation>
    </message>
    <message>
        <source>exhibit {letter} ({title}): {reason}</source>
        <translation>anexo {letter} ({title}): {reason}</translation>
    </message>
    <message>
        <source>document {title}: {reason}</source>
        <translation>documento {title}: {reason}</translation>
    </message>
    <message>
        <source>a PDF page is damaged</source>
        <translation>una página del PDF está dañada</translation>
    </message>
    <message>
        <source>the packet could not be split under the size limit</source>
        <translation>no se pudo dividir el paquete en partes que quepan en el tamaño máximo</translation>
    </message>
    <message>
        <source>the profile must be eoir, opla or uscis</source>
        <translation>el destino debe ser eoir, opla o uscis</translation>
    </message>
    <message>
        <source>the quality must be compact or original</source>
        <translation>la calidad debe ser compact u original</translation>
    </message>
    <message>
        <source>the manifest must be json, page or none</source>
        <translation>la lista de archivos debe ser json, page o none</translation>
    </message>
    <message>
        <source>page numbers start at 1 or more</source>
        <translation>la numeración de páginas empieza en 1 o más</translation>
    </message>
    <message>
        <source>the size limit must be at least 1 MB</source>
        <translation>el tamaño máximo debe ser de al menos 1 MB</translation>
    </message>
    <message>
        <source>could not write the packet in {folder}: {reason}</source>
        <translation>no se pudo guardar el paquete en {folder}: {reason}</translation>
    </message>
    <message>
        <source>the disk is full; no packet was written in {folder}</source>
        <translation>el disco está lleno; no se guardó ningún paquete en {folder}</translation>
    </message>
    <message>
        <source>a page of exhibit {letter} alone is too large for the {limit} MB file size limit; raise the size limit</source>
        <translation>una sola página del anexo {letter} ya supera el tamaño máximo de {limit} MB por archivo; aumente el tamaño máximo</translation>
    </message>
    <message>
        <source>a page of the packet alone is too large for the {limit} MB file size limit</source>
        <translation>una sola página del paquete ya supera el tamaño máximo de {limit} MB por archivo</translation>
    </message>
    <message>
        <source>a page of exhibit {letter} alone is too large for the {limit} MB file size limit; export with compact quality</source>
        <translation>una sola página del anexo {letter} ya supera el tamaño máximo de {limit} MB por archivo; exporte con la calidad compacta</translation>
    </message>
    <message>
        <source>the page label must be plain, of or bates</source>
        <translation>la numeración debe ser plain, of o bates</translation>
    </message>
    <message>
        <source>the label position must be left, center or right</source>
        <translation>la posición del número debe ser left, center o right</translation>
    </message>
    <message>
        <source>the Bates prefix may hold up to 20 letters, digits, spaces and . _ / -</source>
        <translation>el prefijo Bates puede tener hasta 20 letras, números, espacios y . _ / -</translation>
    </message>
    <message>
        <source>Bates numbers take 1 to 12 digits</source>
        <translation>los números Bates llevan de 1 a 12 dígitos</translation>
    </message>
</context>
<context>
    <name>PreflightPanel</name>
    <message>
        <source>Before the packet goes out, the app looks for the mistakes that get requests refused or put people at risk. Deciding what to send is yours.</source>
        <translation>Antes de enviar el paquete, la aplicación busca los errores que hacen que se rechacen las solicitudes o que ponen a las personas en riesgo. La decisión de qué enviar es suya.</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Revisar de nuevo</translation>
    </message>
    <message>
        <source>Timeline…</source>
        <translation>Línea de tiempo…</translation>
    </message>
    <message>
        <source>The dated evidence year by year</source>
        <translation>Las pruebas con fecha, año por año</translation>
    </message>
    <message>
        <source>Read&amp;y to file?</source>
        <translation>¿Todo &amp;listo?</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Revisando…</translation>
    </message>
    <message>
        <source>The case or one of its documents is no longer in the vault.</source>
        <translation>El caso o uno de sus documentos ya no está en la caja fuerte.</translation>
    </message>
    <message>
        <source>The checks could not run.</source>
        <translation>No se pudo hacer la revisión.</translation>
    </message>
    <message>
        <source>Press &quot;Check again&quot; to try once more.</source>
        <translation>Presione &quot;Revisar de nuevo&quot; para intentarlo otra vez.</translation>
    </message>
    <message>
        <source>Nothing found. Read the packet once more before you send it.</source>
        <translation>No se encontró nada. Lea el paquete una vez más antes de enviarlo.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to settle before sending</source>
        <translation>
            <numerusform>%n problema que resolver antes de enviar</numerusform>
            <numerusform>%n problemas que resolver antes de enviar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) to check</source>
        <translation>
            <numerusform>%n punto que revisar</numerusform>
            <numerusform>%n puntos que revisar</numerusform>
        </translation>
    </message>
    <message>
        <source>Only notes: nothing blocks the packet</source>
        <translation>Solo notas: nada impide enviar el paquete</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Número de página</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Página completa</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Turn page</source>
        <translation>Girar la página</translation>
    </message>
    <message>
        <source>Turn this page a quarter turn to the right (Ctrl+R)</source>
        <translation>Girar esta página un cuarto de vuelta a la derecha (Ctrl+R)</translation>
    </message>
    <message>
        <source>Photo clean-up…</source>
        <translation>Limpieza de la foto…</translation>
    </message>
    <message>
        <source>Clean up…</source>
        <translation>Limpiar…</translation>
    </message>
    <message>
        <source>Page preview</source>
        <translation>Vista previa de la página</translation>
    </message>
    <message>
        <source>Loading the page…</source>
        <translation>Cargando la página…</translation>
    </message>
    <message>
        <source>This page cannot be shown.</source>
        <translation>No se puede mostrar esta página.</translation>
    </message>
    <message>
        <source>Select a document to see its pages here.</source>
        <translation>Seleccione un documento para ver aquí sus páginas.</translation>
    </message>
    <message>
        <source>Only a small picture of this page is available.</source>
        <translation>Solo hay una imagen pequeña de esta página.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
</context>
<context>
    <name>ReadinessBox</name>
    <message>
        <source>Before you send it</source>
        <translation>Antes de enviarlo</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Revisando…</translation>
    </message>
    <message>
        <source>The checks found nothing that blocks this packet.</source>
        <translation>La revisión no encontró nada que impida enviar este paquete.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) should be settled before this packet is sent. You can still export it.</source>
        <translation>
            <numerusform>Hay %n problema que conviene resolver antes de enviar este paquete. Aun así, puede exportarlo.</numerusform>
            <numerusform>Hay %n problemas que conviene resolver antes de enviar este paquete. Aun así, puede exportarlo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) to check before sending.</source>
        <translation>
            <numerusform>%n punto que revisar antes de enviar.</numerusform>
            <numerusform>%n puntos que revisar antes de enviar.</numerusform>
        </translation>
    </message>
    <message>
        <source>The checks could not run.</source>
        <translation>No se pudo hacer la revisión.</translation>
    </message>
    <message>
        <source>Export anyway?</source>
        <translation>¿Exportar de todos modos?</translation>
    </message>
    <message numerus="yes">
        <source>The checks found %n problem(s) that should be settled before this packet is sent (see &quot;Before you send it&quot;). Export it anyway?</source>
        <translation>
            <numerusform>La revisión encontró %n problema que conviene resolver antes de enviar este paquete (vea &quot;Antes de enviarlo&quot;). ¿Exportarlo de todos modos?</numerusform>
            <numerusform>La revisión encontró %n problemas que conviene resolver antes de enviar este paquete (vea &quot;Antes de enviarlo&quot;). ¿Exportarlo de todos modos?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestPanel</name>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>Declaración</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation>El mismo que la computadora</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after minutes without use</source>
        <translation>Bloquear después de estos minutos sin uso</translation>
    </message>
    <message>
        <source>Remember recently opened vaults</source>
        <translation>Recordar las cajas fuertes abiertas recientemente</translation>
    </message>
    <message>
        <source>Only the file locations are remembered, never names or documents. Turn this off if others use this computer.</source>
        <translation>Solo se recuerda dónde están los archivos, nunca nombres ni documentos. Desactívelo si otras personas usan esta computadora.</translation>
    </message>
    <message>
        <source>Clean up photographed documents on import</source>
        <translation>Limpiar los documentos fotografiados al agregarlos</translation>
    </message>
    <message>
        <source>Phone photos of papers are straightened, cropped to the page and evened out; the photo itself is kept and the clean-up can be turned off for any page.</source>
        <translation>Las fotos de papeles tomadas con el teléfono se enderezan, se recortan a la página y se empareja la luz; la foto original se guarda y la limpieza se puede desactivar en cualquier página.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Generales</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>A new language applies the next time the program starts.</source>
        <translation>El idioma nuevo se aplicará la próxima vez que abra el programa.</translation>
    </message>
    <message>
        <source>Loc&amp;k after</source>
        <translation>&amp;Bloquear después de</translation>
    </message>
    <message>
        <source>Default export options</source>
        <translation>Opciones de exportación predeterminadas</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Underlined letters on buttons and menus work with Alt, for example Alt+F opens the File menu. Tab moves to the next field.</source>
        <translation>Las letras subrayadas en los botones y menús funcionan con Alt; por ejemplo, Alt+A abre el menú Archivo. Tab pasa al campo siguiente.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Qué hace</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Your papers, safe and in order</source>
        <translation>Sus papeles, seguros y en orden</translation>
    </message>
    <message>
        <source>pdorganizer keeps the documents for a request for prosecutorial discretion in one locked file on this computer, called a vault. Nothing is sent over the internet. When you are ready, it makes one PDF packet with an index and exhibit letters.</source>
        <translation>pdorganizer guarda los documentos de una solicitud de discreción procesal en un solo archivo cerrado con contraseña en esta computadora, al que llamamos caja fuerte. No se envía nada por internet. Cuando todo esté listo, el programa prepara un paquete PDF con índice y anexos con letras.</translation>
    </message>
    <message>
        <source>&amp;Open a vault…</source>
        <translation>A&amp;brir una caja fuerte…</translation>
    </message>
    <message>
        <source>Open a vault file you already have (Ctrl+O)</source>
        <translation>Abrir una caja fuerte que ya tiene (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Create a new vault…</source>
        <translation type="vanished">&amp;Crear una caja fuerte nueva…</translation>
    </message>
    <message>
        <source>Start a new, empty vault</source>
        <translation>Empezar con una caja fuerte nueva y vacía</translation>
    </message>
    <message>
        <source>Recently opened:</source>
        <translation>Abiertas recientemente:</translation>
    </message>
    <message>
        <source>Recently opened vaults</source>
        <translation>Cajas fuertes abiertas recientemente</translation>
    </message>
    <message>
        <source>Open a vault</source>
        <translation>Abrir una caja fuerte</translation>
    </message>
    <message>
        <source>Vaults (*%1);;All files (*)</source>
        <translation>Cajas fuertes (*%1);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation type="vanished">Mostrar la contraseña</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Des&amp;bloquear</translation>
    </message>
    <message>
        <source>Open a different vault</source>
        <translation type="vanished">Abrir otra caja fuerte</translation>
    </message>
    <message>
        <source>The vault is locked</source>
        <translation>La caja fuerte está bloqueada</translation>
    </message>
    <message>
        <source>Unlock the vault</source>
        <translation>Desbloquear la caja fuerte</translation>
    </message>
    <message>
        <source>Type the passphrase for %1 to continue.</source>
        <translation>Escriba la contraseña de %1 para continuar.</translation>
    </message>
    <message>
        <source>Please type the passphrase.</source>
        <translation>Escriba la contraseña, por favor.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message>
        <source>That passphrase did not open this vault. Check Caps Lock and the keyboard language, then try again. Nothing in the vault was changed.</source>
        <translation>Esa contraseña no abrió esta caja fuerte. Revise las mayúsculas (Bloq Mayús) y el idioma del teclado, y vuelva a intentarlo. No se cambió nada en la caja fuerte.</translation>
    </message>
    <message>
        <source>This vault cannot be opened: %1</source>
        <translation>No se puede abrir esta caja fuerte: %1</translation>
    </message>
    <message>
        <source>Create a new vault</source>
        <translation>Crear una caja fuerte nueva</translation>
    </message>
    <message>
        <source>A vault is one file that holds your cases and documents, locked with a passphrase. Choose a long passphrase you can remember: four or five ordinary words are good.</source>
        <translation>Una caja fuerte es un archivo que guarda sus casos y documentos, cerrado con una contraseña. Elija una contraseña larga que pueda recordar: cuatro o cinco palabras comunes son una buena opción.</translation>
    </message>
    <message>
        <source>Where to save the vault</source>
        <translation>Dónde guardar la caja fuerte</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation type="vanished">&amp;Elegir…</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Seguridad de la contraseña</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;Guardar como:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repítala:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Seguridad:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Important:&lt;/b&gt; if you forget this passphrase, nobody can open the vault — not you, not us, not a technician. There is no reset. Write it down and keep it somewhere safe.</source>
        <translation>&lt;b&gt;Importante:&lt;/b&gt; si olvida esta contraseña, nadie podrá abrir la caja fuerte: ni usted, ni nosotros, ni un técnico. No hay forma de recuperarla. Anótela y guárdela en un lugar seguro.</translation>
    </message>
    <message>
        <source>Create &amp;vault</source>
        <translation>Crear la caja &amp;fuerte</translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="vanished">Atrás</translation>
    </message>
    <message>
        <source>Create a &amp;new vault…</source>
        <translation>Crear una caja fuerte &amp;nueva…</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>&amp;Show the passphrase</source>
        <translation>&amp;Mostrar la contraseña</translation>
    </message>
    <message>
        <source>Open a different &amp;vault</source>
        <translation>Abrir otra caja &amp;fuerte</translation>
    </message>
    <message>
        <source>Type the vault&apos;s passphrase to continue.</source>
        <translation>Escriba la contraseña de la caja fuerte para continuar.</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>A&amp;trás</translation>
    </message>
    <message>
        <source>Back to the start (Esc)</source>
        <translation>Volver al inicio (Esc)</translation>
    </message>
    <message>
        <source>My documents</source>
        <translation>Mis documentos</translation>
    </message>
    <message>
        <source>Save the new vault as</source>
        <translation>Guardar la caja fuerte nueva como</translation>
    </message>
    <message>
        <source>Vaults (*%1)</source>
        <translation>Cajas fuertes (*%1)</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Muy débil</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Débil</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Aceptable</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Buena</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Muy buena</translation>
    </message>
    <message>
        <source>Type a passphrase</source>
        <translation>Escriba una contraseña</translation>
    </message>
    <message>
        <source>Choose where to save the vault.</source>
        <translation>Elija dónde guardar la caja fuerte.</translation>
    </message>
    <message>
        <source>A file with this name exists already. Choose another name; nothing will be overwritten.</source>
        <translation>Ya existe un archivo con este nombre. Elija otro nombre; no se borrará nada.</translation>
    </message>
    <message>
        <source>That folder does not exist. Choose another place.</source>
        <translation type="vanished">Esa carpeta no existe. Elija otro lugar.</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>La contraseña necesita al menos %n carácter.</numerusform>
            <numerusform>La contraseña necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are different. Type the same passphrase twice.</source>
        <translation>Las dos contraseñas no coinciden. Escriba la misma contraseña dos veces.</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>Creando la caja fuerte…</translation>
    </message>
</context>
<context>
    <name>TimelineDialog</name>
    <message>
        <source>Timeline of the evidence</source>
        <translation>Línea de tiempo de las pruebas</translation>
    </message>
    <message>
        <source>One row per point the documents show, years across. Shaded years have no dated evidence that the person lived here. Click a mark to open its document.</source>
        <translation>Una fila por cada punto que muestran los documentos, con los años a lo ancho. Los años sombreados no tienen pruebas con fecha de que la persona vivía aquí. Haga clic en una marca para abrir su documento.</translation>
    </message>
    <message>
        <source>&amp;Save as PNG or PDF…</source>
        <translation>&amp;Guardar como PNG o PDF…</translation>
    </message>
    <message>
        <source>Save the timeline as</source>
        <translation>Guardar la línea de tiempo como</translation>
    </message>
    <message>
        <source>PDF or PNG (*.pdf *.png)</source>
        <translation>PDF o PNG (*.pdf *.png)</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Timeline of the dated evidence</source>
        <translation>Línea de tiempo de las pruebas con fecha</translation>
    </message>
</context>
<context>
    <name>VaultActions</name>
    <message>
        <source>&amp;Back up the vault…</source>
        <translation>Copia de seg&amp;uridad…</translation>
    </message>
    <message>
        <source>Write an encrypted copy of the vault</source>
        <translation>Crear una copia cifrada de la caja fuerte</translation>
    </message>
    <message>
        <source>Change the &amp;passphrase…</source>
        <translation>Cambiar la con&amp;traseña…</translation>
    </message>
    <message>
        <source>Chec&amp;k the vault</source>
        <translation>&amp;Verificar la caja fuerte</translation>
    </message>
    <message>
        <source>Time for a backup</source>
        <translation>Es hora de una copia de seguridad</translation>
    </message>
    <message>
        <source>This vault has changed and has not been backed up for more than a week. A backup is an encrypted copy, for example on a USB stick, that opens with the same passphrase.</source>
        <translation>Esta caja fuerte cambió y no tiene una copia de seguridad desde hace más de una semana. Una copia de seguridad es una copia cifrada, por ejemplo en una memoria USB, que se abre con la misma contraseña.</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>Hacer la copia ahora…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>Choose where to put the backup</source>
        <translation>Elija dónde guardar la copia de seguridad</translation>
    </message>
    <message>
        <source>Same folder as the vault</source>
        <translation>La misma carpeta que la caja fuerte</translation>
    </message>
    <message>
        <source>A backup in the same folder is lost with the vault if this computer breaks or is lost. Put it there anyway?</source>
        <translation>Una copia en la misma carpeta se pierde junto con la caja fuerte si esta computadora se daña o se pierde. ¿Guardarla ahí de todos modos?</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>copia</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>Haciendo la copia de seguridad</translation>
    </message>
    <message>
        <source>Writing the encrypted copy…</source>
        <translation>Escribiendo la copia cifrada…</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>Copia de seguridad lista</translation>
    </message>
    <message>
        <source>The backup %1 is in %2. It opens with the same passphrase as this vault. Keep it somewhere else than this computer.</source>
        <translation>La copia de seguridad %1 está en %2. Se abre con la misma contraseña que esta caja fuerte. Guárdela en otro lugar, no en esta computadora.</translation>
    </message>
    <message>
        <source>Passphrase not changed</source>
        <translation>La contraseña no se cambió</translation>
    </message>
    <message>
        <source>The current passphrase is not right. Nothing was changed.</source>
        <translation>La contraseña actual no es correcta. No se cambió nada.</translation>
    </message>
    <message>
        <source>Changing the passphrase</source>
        <translation>Cambiando la contraseña</translation>
    </message>
    <message>
        <source>Writing the vault again with the new passphrase…</source>
        <translation>Volviendo a escribir la caja fuerte con la contraseña nueva…</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Contraseña cambiada</translation>
    </message>
    <message>
        <source>From now on the vault opens with the new passphrase.</source>
        <translation>Desde ahora la caja fuerte se abre con la contraseña nueva.</translation>
    </message>
    <message>
        <source>Checking the vault</source>
        <translation>Verificando la caja fuerte</translation>
    </message>
    <message>
        <source>Reading every part of the vault…</source>
        <translation>Leyendo cada parte de la caja fuerte…</translation>
    </message>
    <message>
        <source>Vault checked</source>
        <translation>Caja fuerte verificada</translation>
    </message>
    <message>
        <source>The vault is sound: every part of it could be read.</source>
        <translation>La caja fuerte está bien: se pudo leer cada parte.</translation>
    </message>
    <message>
        <source>The vault has a problem</source>
        <translation>La caja fuerte tiene un problema</translation>
    </message>
    <message numerus="yes">
        <source>The check found %n problem(s). Make a backup now (File, Back up the vault), then ask whoever helps you with this program.</source>
        <translation>
            <numerusform>La verificación encontró %n problema. Haga ahora una copia de seguridad (Archivo, Copia de seguridad) y luego pida ayuda a quien le ayuda con este programa.</numerusform>
            <numerusform>La verificación encontró %n problemas. Haga ahora una copia de seguridad (Archivo, Copia de seguridad) y luego pida ayuda a quien le ayuda con este programa.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>&lt;b&gt;Cases&lt;/b&gt;</source>
        <translation>&lt;b&gt;Casos&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Find a case (Ctrl+F)</source>
        <translation>Buscar un caso (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find a case by name or A-Number</source>
        <translation>Buscar un caso por nombre o número A</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>Caso nue&amp;vo…</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Caso nuevo</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Editar el caso</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>A&amp;gregar archivos…</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Agregar archivos</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Show documents as a list</source>
        <translation>Mostrar los documentos en una lista</translation>
    </message>
    <message>
        <source>Show documents as pictures</source>
        <translation>Mostrar los documentos como imágenes</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Documents as pictures</source>
        <translation>Documentos como imágenes</translation>
    </message>
    <message>
        <source>Page preview</source>
        <translation>Vista previa de la página</translation>
    </message>
    <message>
        <source>Docu&amp;ment</source>
        <translation>Docu&amp;mento</translation>
    </message>
    <message>
        <source>Co&amp;verage</source>
        <translation>&amp;Resumen de pruebas</translation>
    </message>
    <message>
        <source>E&amp;xhibits</source>
        <translation>Ane&amp;xos</translation>
    </message>
    <message>
        <source>Re&amp;quest</source>
        <translation>&amp;Solicitud</translation>
    </message>
    <message>
        <source>Remove case</source>
        <translation>Quitar el caso</translation>
    </message>
    <message>
        <source>Combine documents</source>
        <translation>Unir documentos</translation>
    </message>
    <message numerus="yes">
        <source>Combine these %n documents into one? Their pages are kept, in list order; the document keeps the first one&apos;s title.</source>
        <translation>
            <numerusform>¿Unir este %n documento en uno solo? Se conservan sus páginas en el orden de la lista; el documento queda con el título del primero.</numerusform>
            <numerusform>¿Unir estos %n documentos en uno solo? Se conservan sus páginas en el orden de la lista; el documento queda con el título del primero.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete documents</source>
        <translation>Borrar documentos</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n document(s) from this case? This cannot be undone.</source>
        <translation>
            <numerusform>¿Borrar %n documento de este caso? Esto no se puede deshacer.</numerusform>
            <numerusform>¿Borrar %n documentos de este caso? Esto no se puede deshacer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Start by adding a case: click “New case” on the left and type the person&apos;s name.</source>
        <translation>Empiece por agregar un caso: haga clic en “Caso nuevo” a la izquierda y escriba el nombre de la persona.</translation>
    </message>
    <message>
        <source>No documents yet.

Drag photos or PDF files here from your folders,
or click “Import files…”.</source>
        <translation>Todavía no hay documentos.

Arrastre aquí fotos o archivos PDF desde sus carpetas,
o haga clic en “Agregar archivos…”.</translation>
    </message>
    <message numerus="yes">
        <source>Remove the case of %1 and its %n document(s) from the vault? This cannot be undone.</source>
        <translation>
            <numerusform>¿Quitar de la caja fuerte el caso de %1 y su %n documento? Esto no se puede deshacer.</numerusform>
            <numerusform>¿Quitar de la caja fuerte el caso de %1 y sus %n documentos? Esto no se puede deshacer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The computer ran out of memory. Close other programs and try again.</source>
        <translation>La computadora se quedó sin memoria. Cierre otros programas e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The file could not be read or written. Check that the folder exists and that you may write to it.</source>
        <translation>No se pudo leer ni guardar el archivo. Revise que la carpeta exista y que usted tenga permiso para guardar en ella.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Something went wrong. Your vault was not changed by this step.</source>
        <translation>Algo salió mal. Este paso no cambió nada en su caja fuerte.</translation>
    </message>
    <message>
        <source>You can try again. If it happens again, copy the details and send them to whoever helps you with this program. The details contain no names or document content.</source>
        <translation>Puede intentarlo de nuevo. Si vuelve a pasar, copie los detalles y envíelos a la persona que le ayuda con este programa. Los detalles no contienen nombres ni el contenido de sus documentos.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copiar los detalles</translation>
    </message>
    <message>
        <source>Could not finish</source>
        <translation>No se pudo terminar</translation>
    </message>
</context>
</TS>
