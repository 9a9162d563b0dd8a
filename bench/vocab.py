"""Help-desk vocabulary for the benchmark corpus, with inflection.

gen_corpus.py writes article bodies from sentence templates whose slots are
filled from the word classes built here. The lists hold lemmas (roughly most
common first); the functions below inflect them — Spanish verbs get ~27 forms
each, nouns and adjectives their gender/number forms, English verbs
-s/-ed/-ing — so a search index built over the corpus meets the plural and
verb variants that stemming has to fold, as it would in a real knowledge base.

Every class is a list of (word, weight) pairs: weight = Zipf weight of the
lemma's rank times the weight of the form, so common words stay common.
Agreement classes are keyed by gender+number in Spanish (ms, fs, mp, fp) and
by number in English (s, p).
"""

# --------------------------------------------------------------------------
# Spanish lemmas. Only verbs with regular stems (spelling changes such as
# busqué, protejo, aparezco, incluye are handled below) are listed.

ES_VERBS = """
configurar instalar reiniciar actualizar conectar comprobar_ revisar abrir
descargar guardar borrar eliminar verificar activar desactivar habilitar
deshabilitar desconectar sincronizar bloquear desbloquear cambiar seleccionar
pulsar iniciar aparecer funcionar acceder restablecer compartir imprimir
enviar_ recibir permitir añadir escribir usar utilizar esperar intentar
solicitar solucionar detectar indicar mostrar_ cargar subir copiar crear
desinstalar reinstalar ajustar aplicar asignar autenticar autorizar avisar
buscar cancelar cifrar completar confirmar consultar contactar controlar
exportar importar filtrar finalizar firmar formatear generar gestionar grabar
identificar ignorar limpiar llamar localizar marcar migrar modificar montar
navegar necesitar notificar ocultar optimizar ordenar pegar personalizar
presionar programar publicar quitar reactivar recargar registrar renombrar
reparar reportar reservar resetear respaldar restaurar revocar solucionar
tardar teclear terminar trabajar validar visualizar vincular desvincular
caducar expirar fallar tramitar ejecutar arrastrar desplazar enlazar emparejar
desemparejar abandonar aceptar adjuntar agregar almacenar analizar anotar
apagar archivar arrancar ayudar bajar calcular capturar clasificar comparar
compilar comunicar conservar contestar cortar diagnosticar dejar escanear
escalar especificar etiquetar evitar acortar alertar apuntar asociar avanzar
chequear citar cobrar colaborar comprar convocar coordinar cuidar declarar
dedicar delegar depurar descartar descifrar destacar detallar documentar
duplicar editar encriptar enfocar entregar escuchar estimar examinar explicar
facilitar facturar fijar fusionar girar heredar implementar informar
inspeccionar integrar invalidar investigar justificar lanzar liberar
licenciar llenar llevar manejar mapear mejorar mencionar minimizar maximizar
monitorizar negociar normalizar numerar observar ocupar olvidar operar
organizar pagar pasar pausar planificar practicar precisar preguntar preparar
presentar prestar priorizar procesar proyectar proporcionar provocar purgar
quedar rastrear reasignar reclamar recopilar recortar recuperar redactar
reemplazar reflejar regresar rechazar relacionar repasar replicar reprogramar
rescatar respetar retirar retrasar reutilizar rotar saltar salvar sacar
solapar suministrar tocar tomar trasladar tratar ubicar unificar visitar
desaparecer establecer reconocer ofrecer pertenecer responder depender
proteger escoger recoger suceder comprender vender correr cometer meter
permanecer parecer favorecer fortalecer agradecer desconocer absorber
comprimir descomprimir omitir describir dirigir exigir surgir emitir admitir
transmitir definir decidir dividir insistir existir asistir persistir incluir
excluir distribuir construir reconstruir destruir sustituir interrumpir
suprimir redirigir restringir cumplir unir recurrir ocurrir discutir difundir
resumir asumir consumir repartir partir cubrir descubrir
"""
# A trailing "_" marks verbs whose irregular present would be wrong if
# conjugated regularly (comprobar → comprueba); only their regular forms
# (infinitive, participle, gerund, imperfect, future…) are generated.

# Irregular participle stems.
ES_PARTICIPLE = {"abrir": "abiert", "escribir": "escrit", "describir": "descrit",
                 "cubrir": "cubiert", "descubrir": "descubiert"}

ES_NOUNS_M = """
equipo usuario archivo correo error problema cambio ajuste acceso permiso
dispositivo ordenador portátil servidor controlador navegador programa sistema
proceso servicio certificado dominio perfil grupo puerto cable adaptador
monitor teclado ratón disco documento enlace botón menú icono escritorio
calendario contacto buzón adjunto paquete registro inicio cierre reinicio
apagado arranque almacenamiento espacio límite código mensaje fichero
router* firewall* proxy* token* driver* software= hardware= backup* login*
chat* webcam* smartphone* portal cliente agente técnico administrador
responsable departamento edificio despacho puesto turno horario plazo ticket*
incidente fallo aviso bloqueo intento tiempo minuto segundo día mes año valor
campo formulario nombre número teléfono móvil cargador altavoz micrófono
auricular sonido audio vídeo volumen|volúmenes brillo tema idioma formato tamaño tipo
modo nivel estado historial informe resumen|resúmenes listado filtro criterio resultado
paso método procedimiento requisito recurso destino origen|orígenes canal sitio
directorio protocolo cifrado algoritmo antivirus= análisis= parche módulo
complemento plugin* script* comando terminal panel asistente instalador
módem repetidor enchufe conector lector escáner tóner cartucho papel atasco
rodillo alimentador contrato proveedor pedido presupuesto albarán empleado
jefe compañero invitado socio dato respaldo espejo puntero
cursor atajo usuario contenido elemento objeto evento registro mantenimiento
soporte nivel cuadro diálogo mensaje envío destinatario remitente asunto
borrador spam= virus= malware= phishing= ataque riesgo incidente permiso rol
propietario miembro plan inventario activo serial* modelo fabricante repuesto
envío reembolso pago recibo gasto viaje festivo período calendario
teletrabajo puesto monitor cable enchufe centro almacén laboratorio
"""
# "*": English loanword, plural -s; "=": invariable.

ES_NOUNS_F = """
red conexión contraseña cuenta impresora aplicación configuración
actualización sesión pantalla carpeta unidad copia versión opción ventana
pestaña página dirección solicitud incidencia licencia política
autenticación verificación instalación descarga carga batería cámara llamada
reunión videollamada tarjeta clave firma notificación alerta tarea cola
impresión hoja bandeja línea señal velocidad cobertura antena interfaz
plataforma herramienta función característica extensión plantilla base tabla
consulta factura nómina cita agenda lista regla papelera memoria caché
cookie* credencial identidad huella ubicación sede oficina planta sala mesa
persona empresa organización área zona región fecha hora semana vez causa
solución respuesta pregunta duda prueba comprobación revisión validación
sincronización migración restauración recuperación eliminación exportación
importación integración compatibilidad seguridad privacidad disponibilidad
capacidad cuota suscripción renovación caducidad expiración petición
aprobación autorización excepción advertencia ruta web* intranet* entrada
salida tecla barra casilla columna fila celda fórmula macro* diapositiva
presentación grabación transcripción conferencia invitación wifi* tablet*
contraseña pantalla resolución luz alimentación fuente imagen|imágenes captura
aplicación instancia máquina consola cola bandeja dirección clave política
directiva unidad carpeta biblioteca lista vista búsqueda etiqueta categoría
prioridad urgencia gravedad escalada asignación respuesta encuesta
valoración garantía reparación sustitución devolución entrega compra orden
factura cuenta empresa filial delegación plantilla sesión cuenta traza
auditoría alarma amenaza vulnerabilidad brecha cuarentena
"""

ES_ADJECTIVES = """
nuevo correcto disponible necesario compatible automático manual externo
interno inalámbrico remoto local corporativo personal principal secundario
actual anterior siguiente último lento rápido activo inactivo dañado vacío
lleno temporal permanente seguro público privado compartido común habitual
frecuente extraño desconocido conocido válido inválido grave leve crítico
importante posible recomendado obligatorio opcional predeterminado específico
general completo parcial pendiente reciente antiguo mismo distinto diferente
correspondiente adecuado suficiente insuficiente alto bajo largo corto grande
pequeño roto oficial físico virtual digital gráfico visible invisible oculto
encendido técnico informático administrativo financiero comercial móvil fijo
estable inestable intermitente continuo constante urgente prioritario masivo
individual global regional nacional internacional europeo incorrecto
incompatible superior inferior exterior interior mayor menor mejor peor
inglés^ francés^ alemán^ portugués^ catalán^ seguro inseguro simple sencillo
complejo claro oscuro blanco negro rojo verde amarillo gris azul nuevo
original duplicado extra básico avanzado moderno obsoleto lento único doble
triple primario genérico habitual normal anómalo raro típico concreto exacto
aproximado correcto legible ilegible abierto cerrado libre ocupado gratuito
caro barato sensible fuerte débil real ficticio propio ajeno
"""
# "^": gendered adjective ending in a stressed syllable (inglés → inglesa).

ES_ADVERBS = """
ya también todavía siempre nunca después antes ahora luego además solo
bien mal casi muy bastante demasiado hoy ayer pronto tarde aquí allí entonces
"""

ES_MENTE = """
automático manual correcto rápido completo temporal inmediato habitual
directo permanente seguro frecuente general parcial reciente exacto
aproximado normal remoto local oficial físico virtual técnico constante
continuo intermitente individual global regional posible anterior posterior
actual previo sencillo claro simple real típico raro especial principal
"""
# Adjectives from which a -mente adverb is derived (feminine + mente).

ES_FUNCTION = {
    "PREP": "de en con para por desde sin sobre entre hasta tras según durante mediante hacia ante a",
    "DET:ms": "el un este su ese cada otro ningún nuestro cualquier",
    "DET:fs": "la una esta su esa cada otra ninguna nuestra cualquier",
    "DET:mp": "los unos estos sus esos varios otros algunos nuestros",
    "DET:fp": "las unas estas sus esas varias otras algunas nuestras",
    "COP:s": "está estaba queda aparece sigue",
    "COP:p": "están estaban quedan aparecen siguen",
}

# --------------------------------------------------------------------------
# English lemmas. Verbs: "base", "base+" (double the final consonant:
# stop → stopped) or "base|3sg|past|ing|participle" for irregular verbs.

EN_VERBS = """
open click select restart check update install configure connect sign
enter save delete remove verify review enable disable try contact use
send|sends|sent|sending|sent make|makes|made|making|made
see|sees|saw|seeing|seen find|finds|found|finding|found
show|shows|showed|showing|shown run|runs|ran|running|run
set|sets|set|setting|set reset|resets|reset|resetting|reset
get|gets|got|getting|gotten go|goes|went|going|gone
take|takes|took|taking|taken give|gives|gave|giving|given
keep|keeps|kept|keeping|kept hold|holds|held|holding|held
read|reads|read|reading|read begin|begins|began|beginning|begun
choose|chooses|chose|choosing|chosen write|writes|wrote|writing|written
forget|forgets|forgot|forgetting|forgotten lose|loses|lost|losing|lost
break|breaks|broke|breaking|broken freeze|freezes|froze|freezing|frozen
hang|hangs|hung|hanging|hung shut|shuts|shut|shutting|shut
split|splits|split|splitting|split quit|quits|quit|quitting|quit
leave|leaves|left|leaving|left hide|hides|hid|hiding|hidden
sleep|sleeps|slept|sleeping|slept wake|wakes|woke|waking|woken
feed|feeds|fed|feeding|fed ring|rings|rang|ringing|rung
lead|leads|led|leading|led let|lets|let|letting|let put|puts|put|putting|put
come|comes|came|coming|come become|becomes|became|becoming|become
hear|hears|heard|hearing|heard speak|speaks|spoke|speaking|spoken
think|thinks|thought|thinking|thought know|knows|knew|knowing|known
tell|tells|told|telling|told say|says|said|saying|said pay|pays|paid|paying|paid
buy|buys|bought|buying|bought build|builds|built|building|built
spend|spends|spent|spending|spent cost|costs|cost|costing|cost
cut|cuts|cut|cutting|cut understand|understands|understood|understanding|understood
bring|brings|brought|bringing|brought teach|teaches|taught|teaching|taught
meet|meets|met|meeting|met send|sends|sent|sending|sent
sync synchronize lock unlock block unblock change tap+ press type paste copy
move rename share print scan+ receive forward reply attach detach log+ plug+
unplug+ stop+ drop+ map+ ship+ tag+ pin+ unpin+ upgrade upload download
uninstall reinstall reboot fail crash load reload refresh restore recover
encrypt decrypt authenticate authorize approve reject request assign reassign
escalate resolve solve fix troubleshoot diagnose detect identify ignore
import export migrate merge compress extract archive store access allow deny
grant revoke expire renew register unregister join mount unmount format
partition wipe erase clean clear empty flush launch start exit minimize
maximize resize zoom scroll drag+ browse search filter sort display appear
disappear respond stream record mute unmute host schedule cancel book reserve
invite notify warn report submit+ charge replace repair order deliver return
track monitor measure test validate compile deploy publish edit modify adjust
customize personalize apply require need want attempt wait retry continue
complete finish prevent avoid cause affect contain include exclude support
work pause resume prompt confirm accept decline dismiss snooze label flag+
mark link unlink pair unpair boot power drain overheat throttle buffer lag+
redirect ping trace route quarantine purge jam+ align calibrate refill
duplicate mirror extend project cast present transcribe translate dial call
transfer+ explain describe mention decide expect suggest recommend ask answer
note follow seem look happen occur+ belong depend remain stay reach create
generate provide manage handle control+ protect secure prepare plan+ organize
arrange list count calculate compare match convert rotate flip+ crop+ scale
group ungroup collapse expand highlight underline deselect uncheck toggle
switch turn close end repeat undo redo revert roll triage reopen comment fax
email message chat+ text phone dock undock replug+ insert eject burn rip+ play
watch listen add edit learn improve increase decrease reduce limit enforce
define specify document record verify inspect audit log+ alert escalate
consult assist help train onboard offboard provision deprovision enroll
unenroll license relicense activate deactivate reactivate reconnect
reconfigure reassign reauthenticate reenter resend reset retype restart
resync rerun|reruns|reran|rerunning|rerun reopen rebuild|rebuilds|rebuilt|rebuilding|rebuilt
recreate rejoin relaunch reload renew reorder repair replace reprint
reschedule restore retrieve return reuse revoke sign submit+
subscribe unsubscribe suspend terminate transfer+ upgrade downgrade verify
whitelist blacklist allowlist blocklist bypass cache clone compare compute
connect crawl decode encode decompress defragment delegate deny detach
disable disconnect dismount download drag+ edit embed+ emulate enable
encrypt enter erase evaluate examine execute expire export extend fetch
flash forward freeze generate grant handle hash ignore import index
initialize inject install interrupt invoke isolate join keep label launch
lease list load localize locate lock log+ loop manage map+
migrate minimize mirror modify monitor mount move navigate negotiate nest
normalize notify obtain operate optimize override|overrides|overrode|overriding|overridden
own parse patch perform permit+ persist pick poll populate post power
predict preload preview print prioritize probe process program proxy
publish pull purge push query queue quit raise rank rate reboot receive
recognize reconcile recover redirect refer+ refresh register reject release
relocate remind remove rename render repair replicate request require
rescan|rescans|rescanned|rescanning|rescanned reserve resolve respond
restrict resume retain retry revert review rewrite|rewrites|rewrote|rewriting|rewritten
save scan+ schedule script search secure select separate serve share shift
shorten sign simulate skip+ snap+ sort spam+ spawn specify spell start stash
store stretch submit+ suggest supply suspend swap+ sweep|sweeps|swept|sweeping|swept
switch tab+ target test tether timestamp tolerate trigger trim+ trust tune
unblock uncheck undo uninstall unlock unmute unpack unzip+ update upload
validate verify view visit warn wipe wrap+ zip+ zoom accelerate accommodate
accumulate acknowledge acquire adapt address administer advise aggregate
allocate alter amend analyze anticipate append appoint appreciate assemble
assess assume assure attend attract augment automate backtrack balance bill
bind|binds|bound|binding|bound borrow bounce brief bundle capture categorize
certify challenge classify collaborate collect combine commit+ communicate
compensate complain comply concentrate conclude conduct consolidate construct
consume contribute coordinate correct correlate cover credit debug+ declare
decommission dedicate deduct defer+ delay demonstrate derive designate
destroy determine develop differentiate direct discover discuss dispatch
distinguish distribute divide double draft dump earn educate elevate
eliminate emerge emphasize employ encounter encourage endorse engage enhance
ensure equip+ establish estimate exceed exchange expand experience explore
expose facilitate finalize fit+ focus forecast formalize gather govern
guarantee guide harden hire illustrate implement impose incorporate indicate
inform initiate integrate interpret introduce investigate issue itemize
justify maintain mandate mitigate moderate modernize motivate observe offer
omit+ outline outsource oversee|oversees|oversaw|overseeing|overseen
participate pass persuade pilot position postpone practice prefer+ preserve
proceed produce promote propose prove pursue qualify quantify recall recruit
reflect reinforce relate rely remediate renegotiate represent reproduce
retire reveal satisfy seek|seeks|sought|seeking|sought sell|sells|sold|selling|sold
signal simplify standardize strengthen streamline structure summarize
supervise sustain tackle tailor transform transmit+ treat unify utilize vary
withdraw|withdraws|withdrew|withdrawing|withdrawn
"""

EN_NOUNS = """
computer laptop desktop router server user file folder email message error
problem issue change setting access permission device driver browser program
application app system process service certificate domain profile group port
cable adapter monitor screen keyboard mouse|mice disk drive document link
button menu icon calendar contact mailbox attachment package registry startup
shutdown restart reboot storage space limit code password account printer
network connection update session window tab page address request ticket
incident license policy authentication verification installation download
upload battery camera call meeting card key signature notification alert task
queue job sheet tray line signal speed coverage= antenna interface platform
tool feature extension template database table query invoice payroll
appointment list rule bin memory cache cookie credential identity fingerprint
location site office floor room desk person|people company organization area
zone region date hour week time cause solution answer question test check
review validation synchronization migration restore recovery removal export
import integration compatibility security privacy availability capacity quota
subscription renewal expiration approval authorization exception warning path
website intranet entry output input column row cell formula macro slide
presentation recording transcript conference invitation firewall proxy switch
token backup login chat webcam smartphone tablet phone headset speaker
microphone sound audio video volume brightness theme language format size
type mode level state status history report summary filter result step method
procedure requirement resource destination source channel directory protocol
encryption algorithm antivirus scan patch module plugin script command
terminal panel wizard installer updater modem repeater outlet charger
connector reader scanner toner cartridge paper jam roller feeder contract
supplier order budget customer employee manager colleague guest partner
data= record team department building shift schedule deadline attempt minute
second day month year value field form name number shortcut taskbar toolbar
sidebar dropdown checkbox popup dialog prompt banner label tooltip workspace
workstation dock hotspot bandwidth latency timeout outage downtime workaround
fix rollback snapshot image screenshot clipboard font layout printout cloud
tenant alias distribution sender recipient inbox outbox draft spam= junk=
phishing= malware= virus threat vulnerability breach audit log event trigger
workflow role admin administrator owner member seat plan tier vendor
contractor technician agent analyst expert specialist engineer developer
tester reviewer author editor viewer visitor caller requester approver
delegate assistant equipment= asset inventory serial warranty repair
replacement shipment courier delivery return refund payment receipt expense
reimbursement timesheet holiday leave absence salary trackpad touchpad stylus
display projector whiteboard lanyard badge padlock locker cabinet
shelf|shelves bag socket plug dongle hub splitter extender mesh gateway
subnet mask lease pool scope range vlan bridge tunnel handshake header footer
margin border background wallpaper screensaver hibernation wake supply fan
heat= noise beep light indicator led lever slot drawer door cover lid hinge
keypad numpad touchscreen pixel resolution ratio frequency bit byte kilobyte
megabyte gigabyte terabyte zip subfolder mapping letter sector cluster
threshold ceiling minimum maximum average peak spike drop delay lag stutter
freeze crash hang loop glitch bug defect regression release build version
edition ring branch preview beta hotfix rollup baseline master blueprint
checklist guideline instruction manual handbook wiki article note tip trick
hint example sample case scenario situation context reason purpose goal
objective benefit advantage drawback risk impact effect consequence symptom
sign clue trace evidence proof detail fact figure chart graph diagram map
overview outline revision comment reply thread conversation post feed story
announcement newsletter campaign survey poll vote feedback rating score grade
rank priority severity urgency category class kind variety option choice
preference default override exclusion inclusion addition deletion insertion
modification adjustment correction improvement enhancement optimization
configuration customization personalization registration enrollment
onboarding offboarding provisioning assignment allocation reservation booking
cancellation confirmation rejection escalation resolution closure handover
transfer transition rotation username passphrase passcode lockout signin
logon logout firmware motherboard processor chipset bios ssd memory heatsink
enclosure chassis rack blade node datacenter appliance controller console
headphone earphone earbud lens tripod speakerphone handset receiver
transmitter powerbank agreement amendment application approach arrangement
assessment assumption attention balance barrier basis behavior benchmark bill
block board bonus boundary box brand breakdown briefing brochure bucket
bulletin bundle capability caption carrier catalog chain chair challenge
chance chapter character charge clause clock collection combination
commitment committee communication community comparison complaint component
concept concern conclusion condition confidence conflict consideration
constraint consultant consumer content contribution conversion corner cost
counter country course crew culture currency curve cycle damage deal debate
decision declaration definition degree demand deployment deposit description
design dimension direction director discount discussion dispute distance
district division duty edge effort element emergency employer engine
enterprise entity environment episode estimate evaluation exchange executive
exercise expansion expectation experience experiment explanation exposure
expression facility factor failure family fee finding firm flight flow focus
force forecast foundation frame framework function fund gap generation gift
guarantee guidance guide habit handle headline height holder host household
idea implementation impression incentive income increase index industry
infrastructure initiative injury inquiry insight inspection instance
institution instrument insurance= intention interaction interest interval
interview introduction investigation investment item journey judgment kit
knowledge= lab laboratory landscape lawyer layer leader lecture ledger lesson
library lifecycle limit machine maintenance= margin market material matter
measure mechanism media= medium meeting member memo mention merger metric
milestone mission mistake mixture model moment motion movement necessity
negotiation notice objective obligation occasion offer operation operator
opinion opportunity organization origin outcome package pair paragraph
parameter participant party passage pattern penalty percentage perception
performance period permit phase phrase piece pipeline pixel placement plant
player pocket point portal portfolio position possibility practice
prediction premium presence pressure principle print product profession
professional profit progress project promise promotion proposal prospect
provider provision publication purchase qualification quality quantity
quarter quote rate reaction reader reality receipt recommendation reduction
reference reflection regulation relation relationship reminder rental
representative reputation request requirement research= reserve resident
response responsibility restriction retention revenue reward routine salary
sale satisfaction saving scale schedule scheme screen season section sector
segment selection sense sentence sequence series session setup share sheet
signal signature skill slot solution specification sponsor staff= stage
standard statement station statistic stock strategy strength structure
student submission subscription substitute success suggestion suite
supervisor survey suspension symbol target tax teacher technique technology
temperature tendency tension term territory text theory thing thought
threshold title topic total track trade tradition traffic= training= transaction
treatment trend trial trip trouble trust truth unit usage= user utility
vacation variable vehicle venue verification version victim view violation
visibility vision visit voice voucher wage wave weakness weight welcome
width wire witness word worker workload world writer yard zone
"""
# Nouns derived from verbs (-ation, -ization, -ification) are added below.

EN_ADJECTIVES = """
new correct available necessary compatible automatic manual external internal
wireless remote local corporate personal main secondary current previous next
last slow fast active inactive damaged empty full temporary permanent secure
public private shared common usual frequent strange unknown known valid
invalid serious minor critical important possible recommended mandatory
optional default specific general complete partial pending recent old same
different corresponding appropriate sufficient insufficient high low long
short large small broken official physical virtual digital graphic visible
invisible hidden technical administrative financial commercial mobile fixed
stable unstable intermittent continuous constant urgent massive individual
global regional national international european incorrect incompatible
upper lower outer inner major better worse best worst english french german
simple easy difficult complex clear dark white black red green yellow grey
blue original duplicate extra basic advanced modern obsolete unique double
primary generic normal abnormal rare typical exact approximate readable
unreadable open closed free busy expensive cheap sensitive strong weak real
own quick safe unsafe ready unable able likely unlikely impossible responsive
unresponsive reliable unreliable accurate inaccurate consistent inconsistent
encrypted unencrypted blocked unblocked locked unlocked expired disabled
enabled missing corrupted outdated updated installed uninstalled connected
disconnected signed unsigned verified unverified trusted untrusted managed
unmanaged supported unsupported configurable installable downloadable
editable shareable printable searchable removable portable wired cellular
bluetooth dual single multiple several various entire whole careful helpful
useful useless harmless harmful successful unsuccessful faster fastest slower
slowest newer newest older oldest larger largest smaller smallest higher
highest lower lowest easier easiest later latest earlier earliest longer
longest shorter shortest stronger strongest weaker weakest cleaner simpler
heavier lighter quieter louder brighter
"""

EN_LY = """
automatic manual correct quick complete temporary immediate usual direct
permanent secure frequent general partial recent exact approximate careful
successful unsuccessful remote local official physical virtual digital
technical constant continuous intermittent individual global regional
consistent reliable accurate immediate clear simple easy safe real typical
normal rare possible likely strong weak visible manual
"""
# Adjectives from which an -ly adverb is derived.

EN_ADVERBS = """
also already still always never then now later again only just well
almost very quite too today yesterday soon here there instead otherwise
meanwhile finally afterwards beforehand first
"""

EN_FUNCTION = {
    "PREP": "in on with for from to by without over between until after during through via into at under",
    "DET:s": "the your this that each any every the same the current one",
    "DET:p": "the your these those some all any several other many the same",
    "COP:s": "is was remains appears seems",
    "COP:p": "are were remain appear seem",
}

# --------------------------------------------------------------------------
# Inflection

def zipf(rank, exponent=1.0):
    """Weight of the lemma at 0-based rank: 1 / (rank + 2) ** exponent."""
    return 1.0 / (rank + 2) ** exponent


def lemmas(text):
    """Whitespace-separated entries; of entries with the same word (before any
    inflection mark), only the first is kept."""
    entries = {}
    for entry in text.split():
        entries.setdefault(entry.split("|")[0].rstrip("+=*^_"), entry)
    return list(entries.values())


def strip_final_accent(word):
    """conexión → conexion: the stress mark goes when a syllable is added."""
    table = str.maketrans("áéíóú", "aeiou")
    for i in range(len(word) - 1, -1, -1):
        if word[i] in "áéíóú":
            return word[:i] + word[i].translate(table) + word[i + 1:]
    return word


def es_plural(noun):
    """Plural of a Spanish noun or adjective (marks: * loanword, = invariable,
    "x|plural" irregular)."""
    if "|" in noun:
        return noun.split("|")[1]
    if noun.endswith("="):
        return noun[:-1]
    if noun.endswith("*"):
        return noun[:-1] + "s"
    if noun[-1] in "aeiouáéíóú":
        return noun + "s"
    if noun.endswith("z"):
        return noun[:-1] + "ces"
    if noun[-2] in "áéíóú":  # conexión → conexiones, común → comunes
        return strip_final_accent(noun) + "es"
    return noun + "es"


def es_adjective_forms(adj):
    """{ms, fs, mp, fp} of a Spanish adjective given in masculine singular."""
    if adj.endswith("^"):  # inglés → inglesa, ingleses, inglesas
        base = strip_final_accent(adj[:-1])
        return {"ms": adj[:-1], "fs": base + "a", "mp": base + "es", "fp": base + "as"}
    if adj.endswith("o"):
        stem = adj[:-1]
        return {"ms": adj, "fs": stem + "a", "mp": stem + "os", "fp": stem + "as"}
    plural = es_plural(adj)
    return {"ms": adj, "fs": adj, "mp": plural, "fp": plural}


ES_ENDINGS = {
    # form: (suffix for -ar, -er, -ir, weight)
    "p1s": ("o", "o", "o", 1), "p3s": ("a", "e", "e", 8), "p3p": ("an", "en", "en", 3),
    "p1p": ("amos", "emos", "imos", 1), "i1s": ("é", "í", "í", 2), "i3s": ("ó", "ió", "ió", 3),
    "i3p": ("aron", "ieron", "ieron", 1), "m3s": ("aba", "ía", "ía", 2), "m3p": ("aban", "ían", "ían", 1),
    "f3s": ("ará", "erá", "irá", 2), "f3p": ("arán", "erán", "irán", 1),
    "c3s": ("aría", "ería", "iría", 1), "c3p": ("arían", "erían", "irían", 0.5),
    "s3s": ("e", "a", "a", 6), "s3p": ("en", "an", "an", 1), "inf": ("ar", "er", "ir", 8),
    "lo": ("arlo", "erlo", "irlo", 2), "la": ("arla", "erla", "irla", 2),
    "los": ("arlos", "erlos", "irlos", 1), "se": ("arse", "erse", "irse", 1),
    "ms": ("ado", "ido", "ido", 3), "fs": ("ada", "ida", "ida", 2),
    "mp": ("ados", "idos", "idos", 1), "fp": ("adas", "idas", "idas", 1),
    "ger": ("ando", "iendo", "iendo", 2),
}
# Forms that an irregular present ("_" in ES_VERBS) would get wrong.
ES_IRREGULAR_FORMS = {"p1s", "p3s", "p3p", "s3s", "s3p"}


def es_join(infinitive, suffix):
    """Stem + suffix with Spanish spelling changes (busqué, protejo, aparezco, incluye)."""
    stem, conj = infinitive[:-2], infinitive[-2:]
    if conj == "ar" and suffix[0] in "eé":
        for old, new in (("c", "qu"), ("g", "gu"), ("z", "c")):
            if stem.endswith(old):
                return stem[: -len(old)] + new + suffix
    if conj in ("er", "ir") and suffix[0] in "ao":
        if stem.endswith("g"):
            return stem[:-1] + "j" + suffix
        if stem.endswith(("ec", "oc")):
            return stem[:-1] + "zc" + suffix
    if conj == "ir" and stem.endswith("u"):
        if suffix[0] == "i" and len(suffix) > 1 and suffix[1] in "aeoó":
            return stem + "y" + suffix[1:]
        if suffix[0] in "aeo":
            return stem + "y" + suffix
    return stem + suffix


def es_verb_forms(entry):
    """{form: (word, weight)} for one ES_VERBS entry."""
    infinitive = entry.rstrip("_")
    column = ("ar", "er", "ir").index(infinitive[-2:])
    forms = {}
    for form, row in ES_ENDINGS.items():
        if entry.endswith("_") and form in ES_IRREGULAR_FORMS:
            continue
        if form in ("ms", "fs", "mp", "fp") and infinitive in ES_PARTICIPLE:
            word = ES_PARTICIPLE[infinitive] + {"ms": "o", "fs": "a", "mp": "os", "fp": "as"}[form]
        else:
            word = es_join(infinitive, row[column])
        forms[form] = (word, row[3])
    return forms


def en_plural(noun):
    """Plural of an English noun ("x|plural" irregular, "x=" uncountable)."""
    if "|" in noun:
        return noun.split("|")[1]
    if noun.endswith("="):
        return noun[:-1]
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def en_verb_forms(entry):
    """(base, 3sg, past, ing, participle) of one EN_VERBS entry."""
    if "|" in entry:
        return tuple(entry.split("|"))
    double = entry.endswith("+")
    base = entry.rstrip("+")
    third = en_plural(base)
    if double:
        past, ing = base + base[-1] + "ed", base + base[-1] + "ing"
    elif base.endswith("e"):
        past = base + "d"
        ing = base + "ing" if base.endswith(("ee", "ye", "oe")) else base[:-1] + "ing"
    elif base.endswith("y") and base[-2] not in "aeiou":
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    return base, third, past, ing, past


EN_NO_DERIVED_NOUN = {"update", "rate", "resize", "recognize", "size", "mandate", "estimate", "emphasize"}


def en_derived_noun(entry):
    """activate → activation, synchronize → synchronization, verify →
    verification; None for verbs without such a noun."""
    base = entry.split("|")[0].rstrip("+")
    if base in EN_NO_DERIVED_NOUN:
        return None
    if base.endswith("ate"):
        return base[:-1] + "ion"
    if base.endswith("ize"):
        return base[:-1] + "ation"
    if base.endswith("ify"):
        return base[:-1] + "ication"
    return None


def en_adverb(adj):
    """quick → quickly, easy → easily, automatic → automatically, possible → possibly."""
    if adj.endswith("y") and adj[-2] not in "aeiou":
        return adj[:-1] + "ily"
    if adj.endswith("le"):
        return adj[:-1] + "y"
    if adj.endswith("ic"):
        return adj + "ally"
    if adj.endswith("ll"):
        return adj + "y"
    return adj + "ly"


# --------------------------------------------------------------------------
# Word classes

def add(classes, key, word, weight):
    """Add weight to word in classes[key] (a word may come from several lemmas)."""
    bucket = classes.setdefault(key, {})
    bucket[word] = bucket.get(word, 0.0) + weight


def function_words(classes, table):
    """Closed classes, listed most common first."""
    for key, text in table.items():
        for rank, word in enumerate(text.split()):
            add(classes, key, word, zipf(rank, 1.2))


def spanish_classes():
    """Word classes for Spanish: {class: [(word, weight), ...]}."""
    classes = {}
    function_words(classes, ES_FUNCTION)
    finite = {"p3s": "s", "i3s": "s", "m3s": "s", "f3s": "s", "c3s": "s",
              "p3p": "p", "i3p": "p", "m3p": "p", "f3p": "p", "c3p": "p"}
    for rank, entry in enumerate(lemmas(ES_VERBS)):
        z = zipf(rank)
        for form, (word, weight) in es_verb_forms(entry).items():
            if form in finite:
                key = "V:" + finite[form]
            elif form in ("p1s", "i1s"):
                key = "V1SG"
            elif form == "p1p":
                key = "V1PL"
            elif form in ("s3s", "s3p"):
                add(classes, "SUBJ:" + form[-1], word, z * weight)
                key = "IMP"
            elif form in ("ms", "fs", "mp", "fp"):
                key = "PART:" + form
            elif form == "ger":
                key = "GER"
            elif form in ("lo", "la", "los", "se"):
                key = "INFC"
            else:
                key = "INF"
            add(classes, key, word, z * weight)
    for gender, text in (("m", ES_NOUNS_M), ("f", ES_NOUNS_F)):
        for rank, noun in enumerate(lemmas(text)):
            add(classes, "N:" + gender + "s", noun.split("|")[0].rstrip("*="), zipf(rank))
            add(classes, "N:" + gender + "p", es_plural(noun), zipf(rank) * 0.5)
    for rank, adj in enumerate(lemmas(ES_ADJECTIVES)):
        for key, word in es_adjective_forms(adj).items():
            add(classes, "A:" + key, word, zipf(rank))
    for rank, adj in enumerate(lemmas(ES_MENTE)):
        add(classes, "ADV", es_adjective_forms(adj)["fs"] + "mente", zipf(rank) * 0.3)
    for rank, adv in enumerate(lemmas(ES_ADVERBS)):
        add(classes, "ADV", adv, zipf(rank))
    return {key: list(bucket.items()) for key, bucket in classes.items()}


def english_classes():
    """Word classes for English: {class: [(word, weight), ...]}."""
    classes = {}
    function_words(classes, EN_FUNCTION)
    for rank, entry in enumerate(lemmas(EN_VERBS)):
        z = zipf(rank)
        base, third, past, ing, participle = en_verb_forms(entry)
        add(classes, "V:s", third, z * 5)
        add(classes, "V:s", past, z * 3)
        add(classes, "V:p", base, z * 5)
        add(classes, "V:p", past, z * 3)
        add(classes, "V1SG", past, z)
        add(classes, "V1PL", base, z)
        add(classes, "SUBJ:s", third, z)
        add(classes, "SUBJ:p", base, z)
        add(classes, "IMP", base, z)
        add(classes, "INF", base, z)
        add(classes, "INFC", base + " it", z)
        add(classes, "GER", ing, z)
        add(classes, "PART:s", participle, z)
        add(classes, "PART:p", participle, z)
    nouns = lemmas(EN_NOUNS)
    nouns += [n for n in map(en_derived_noun, lemmas(EN_VERBS)) if n]
    for rank, noun in enumerate(nouns):
        add(classes, "N:s", noun.split("|")[0].rstrip("="), zipf(rank))
        add(classes, "N:p", en_plural(noun), zipf(rank) * 0.5)
    for rank, adj in enumerate(lemmas(EN_ADJECTIVES)):
        for key in ("A:s", "A:p"):
            add(classes, key, adj, zipf(rank))
    for rank, adj in enumerate(lemmas(EN_LY)):
        add(classes, "ADV", en_adverb(adj), zipf(rank) * 0.3)
    for rank, adv in enumerate(lemmas(EN_ADVERBS)):
        add(classes, "ADV", adv, zipf(rank))
    return {key: list(bucket.items()) for key, bucket in classes.items()}

