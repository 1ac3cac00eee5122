### Las palabras propias de la app en pantalla, en español de EE. UU.
### Se habla de "tú", en un tono cercano y tranquilo: quien vende suele hacerlo por primera vez.
### Vocabulario fijo: orden (no pedido), billetera, cotización, Configuración, factura Lightning,
### ID de orden (plural: los ID), subir una foto, verificar (un dato), revisar (CardCoins, la tarjeta).

# El nombre de este idioma, en este idioma: así aparece en el menú de idiomas de Configuración.
language-name = Español

## La ventana: el aviso del modo de práctica y la navegación

app-name = CardCoins
sandbox-banner = SANDBOX: modo de práctica. Sin tarjeta real ni bitcoin real.
sandbox-latest-code = Último código enviado: { $code }
nav-label = Aplicación
nav-history = Tus órdenes
nav-settings = Configuración
nav-back = Atrás

## Palabras que comparten varias pantallas

common-continue = Continuar
common-working = Procesando…
common-loading = Cargando…
common-retry = Intentar de nuevo
common-copy = Copiar
common-copied = Copiado
common-cancel = Cancelar
step-of = Paso { $step } de { $total }

## Dinero, tamaños y duraciones, tal como los reciben los demás mensajes

# $count es una cantidad de satoshis, ya como número del idioma.
money-sats =
    { $count ->
        [one] { $count } sat
       *[other] { $count } sats
    }
# $amount es el bitcoin con sus ocho decimales, ya con los dígitos del idioma.
money-btc = { $amount } BTC
size-bytes =
    { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }
size-kb = { $size } KB
size-mb = { $size } MB
size-gb = { $size } GB
elapsed-seconds = { $seconds } s
elapsed-minutes = { $minutes } min
elapsed-hours-minutes = { $hours } h { $minutes } min

## Bienvenida

welcome-title = Vende una tarjeta de regalo por bitcoin
welcome-lead = Convierte una tarjeta de regalo Visa o Mastercard en bitcoin en unos pocos pasos guiados. Necesitarás la tarjeta, tu teléfono y una billetera de bitcoin.
welcome-step-amount = Ingresa el valor de la tarjeta y ve tu cotización
welcome-step-phone = Confirma tu número de teléfono con un código
welcome-step-payout = Dinos adónde enviar el bitcoin
welcome-step-photos = Agrega fotos de la tarjeta
welcome-step-review = Revisa todo y envíalo a revisión
welcome-step-status = Sigue la orden hasta que llegue el bitcoin
welcome-start = Comenzar
welcome-safety = Tu orden se guarda a medida que avanzas. Puedes cerrar la app y continuar donde te quedaste.

## Dónde se guardan los ID de orden (sin llavero del sistema) y una lista de órdenes dañada

vault-this-run-title = Los ID de tus órdenes no se pueden guardar de forma segura en esta computadora
vault-this-run-choice = Puedes conservarlos mientras la app esté abierta, o guardarlos en el archivo propio de la app. Ese archivo no está cifrado: cualquiera que pueda leer tus archivos podría leer los ID de tus órdenes y ver tus órdenes.
vault-keep-this-run = Conservarlos solo mientras la app esté abierta
vault-use-file = Guardarlos en el archivo de la app…
vault-confirm-file = ¿Guardar los ID de orden sin cifrar en el archivo de la app en esta computadora? Aún podrás olvidar una orden más tarde en Tus órdenes.
vault-confirm-yes = Sí, guardarlos en el archivo
vault-plain-file-note = Los ID de orden se guardan sin cifrar en el archivo de la app en esta computadora.
vault-this-run-note = Los ID de orden se conservan solo mientras la app esté abierta. Antes de cerrar la app, copia desde Tus órdenes el ID de cada orden que siga abierta.
# Dónde se guardan los ID de orden en esta sesión de la app.
vault-storage-keyring = Los ID de orden se guardan en el llavero del sistema.
vault-storage-this-run = No hay un llavero del sistema disponible: esta computadora no tiene un lugar seguro para contraseñas que la app pueda usar. Los ID de orden se conservan solo mientras la app esté abierta; anota el ID de cada orden abierta, o permite guardarlos en el archivo de datos de la app. (En Linux, esto necesita un servicio de llavero como GNOME Keyring o KWallet).
vault-storage-plain-file = No hay un llavero del sistema disponible; como lo permitiste, los ID de orden se guardan sin cifrar en el archivo de datos de la app. Cualquiera que pueda leer tus archivos puede leerlos.
vault-damage-title = No se pudieron leer algunas órdenes guardadas
vault-damage-body = La lista de órdenes guardada estaba dañada: { $kept ->
        [one] se recuperó { $kept } orden
       *[other] se recuperaron { $kept } órdenes
    } y { $unreadable ->
        [one] { $unreadable } entrada no se pudo leer
       *[other] { $unreadable } entradas no se pudieron leer
    }. Las órdenes que se perdieron de la lista todavía se pueden retomar con su ID de orden.
vault-damage-backup = El archivo dañado se guardó como { $backup }.
vault-dismiss = Aceptar

## La orden, arriba de cada paso

order-strip-your-card = Tu tarjeta de { $amount }
order-strip-continuing = Continuando tu orden de { $amount }
order-strip-quote = Recibes aproximadamente { $usd } en bitcoin ({ $sats })

## Paso 1: el valor de la tarjeta

amount-title = ¿Cuánto saldo tiene la tarjeta?
amount-lead = Escribe el valor impreso en la tarjeta o el que aparece en su página de saldo, en dólares estadounidenses.
amount-label = Valor de la tarjeta en dólares estadounidenses
amount-placeholder = 50.00
amount-help = Dólares y centavos, por ejemplo 50 o 49.95.
amount-empty = Ingresa el valor de la tarjeta en dólares, por ejemplo 50.
amount-quote-title = Tu cotización
amount-you-get = Recibes aproximadamente { $usd } en bitcoin
amount-in-sats = { $sats } ({ $btc })
amount-price = Al precio de CardCoins de { $price } por bitcoin. Las comisiones ya están incluidas en el precio.
amount-refreshes = La cotización se actualiza cada { $seconds } s hasta que continúes.
amount-updated-at = Precio actualizado a las { $time }
amount-checked-at = Precio consultado a las { $time }
amount-waiting-for-price = Obteniendo el precio actual del bitcoin…
amount-no-price = No podemos mostrarte una cotización sin el precio actual.
amount-creating = Creando tu orden…
amount-order-made = Tu orden por una tarjeta de { $amount } ya está creada
amount-order-made-help = Su valor ya no puede cambiar. Para vender una tarjeta de otro valor, empieza una orden nueva; esta se queda en Tus órdenes.
amount-start-over = Empezar una orden nueva

## Paso 2: el número de teléfono

phone-title = Confirma tu número de teléfono
phone-lead = CardCoins envía un código corto a tu teléfono. Así tu orden sigue siendo solo tuya.
phone-country-label = País
phone-country-us = Estados Unidos (+1)
phone-country-ca = Canadá (+1)
phone-country-gb = Reino Unido (+44)
phone-country-au = Australia (+61)
phone-country-nz = Nueva Zelanda (+64)
phone-country-ie = Irlanda (+353)
phone-country-de = Alemania (+49)
phone-country-fr = Francia (+33)
phone-country-es = España (+34)
phone-country-it = Italia (+39)
phone-country-nl = Países Bajos (+31)
phone-country-mx = México (+52)
phone-number-label = Número de teléfono
phone-number-help = El número que puede recibir un mensaje de texto o una llamada.
phone-method-legend = ¿Cómo te enviamos el código?
phone-by-sms = Mensaje de texto (SMS)
phone-by-call = Llamada telefónica
phone-send-code = Enviar código
phone-sending-check = Verificando el número…
phone-sending-captcha = Completa la verificación en la ventana que se abrió…
phone-sending-send = Enviando el código…
phone-confirmed = Tu número de teléfono está confirmado
phone-confirmed-help = CardCoins lo confirmó para esta orden; ya no se puede cambiar.
phone-captcha-explain = Se abrirá una ventana pequeña con una verificación rápida de que eres una persona. El código se envía justo después.
phone-captcha-not-set-up = No se pueden enviar códigos desde esta copia de la app.
phone-captcha-not-set-up-next = Se creó sin la verificación de teléfono que CardCoins exige, así que aquí ninguna orden puede avanzar. Tu orden está guardada en esta computadora. Instala CardCoins Desktop desde el sitio web oficial de CardCoins, o prueba toda la venta en modo de práctica.
phone-captcha-practise = Abrir Configuración para activar el modo de práctica
phone-captcha-details = Detalles para quien creó esta copia
# $method es "call" si el código llega por llamada, "sms" si no.
phone-code-sent =
    { $method ->
        [call] Te estamos llamando al { $phone } para darte tu código.
       *[sms] Enviamos un código al { $phone }.
    }
phone-code-label = Código del mensaje
phone-code-help = Escribe los dígitos que recibiste.
phone-code-empty = Escribe el código que recibiste.
phone-verify = Verificar código
phone-verifying = Verificando el código…
phone-resend = Enviar un código nuevo
phone-resend-in = Puedes pedir un código nuevo en { $seconds } s
phone-change-number = Usar otro número
phone-captcha-again = Vuelve a hacer la verificación rápida con este código (CardCoins la pide después de varios intentos). Se abre cuando presionas Verificar código.

## Paso 3: adónde va el bitcoin

payout-title = ¿Adónde enviamos el bitcoin?
payout-lead = Pega una dirección de bitcoin, una factura Lightning sin monto o una Lightning Address de tu billetera.
payout-label = Dirección de bitcoin, factura Lightning o Lightning Address
payout-help = También funciona un enlace bitcoin: o lightning: de tu billetera.
payout-checking = Verificando…
# $kind es uno de los mensajes payout-kind- de abajo: lo que se pegó.
payout-accepted = Se ve bien: { $kind }
# Lo que se pegó, leído después de "Se ve bien:" (por eso en minúscula).
payout-kind-p2pkh = dirección de bitcoin (legacy)
payout-kind-p2sh = dirección de bitcoin (P2SH)
payout-kind-p2wpkh = dirección de bitcoin (SegWit)
payout-kind-p2wsh = dirección de bitcoin (script SegWit)
payout-kind-p2tr = dirección de bitcoin (Taproot)
payout-kind-bolt11 = factura Lightning
payout-kind-lightning-address = Lightning Address
# Lo que conviene saber de lo pegado, debajo de "Se ve bien:", cada nota como un comentario en
# minúscula. $amount es el monto en BTC del enlace, tal como lo escribe el enlace; $keys, los
# nombres de las otras partes del enlace ("label, req-foo"); $minutes, los minutos enteros que
# quedan, al menos 1.
payout-note-amount-ignored = no se tomó en cuenta el monto del enlace ({ $amount } BTC): CardCoins paga el valor de la tarjeta
payout-note-invoice-used = el enlace no tenía dirección de bitcoin, así que se usa su factura Lightning
payout-note-invoice-ignored = no se tomó en cuenta la factura Lightning del enlace: se usa la dirección de bitcoin
payout-note-other-ignored = no se tomaron en cuenta otros datos del enlace ({ $keys })
payout-note-invoice-expires-soon =
    esta factura vence en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }: envíala ahora o crea una que dure más
payout-empty = Pega adónde debe ir el bitcoin.
payout-rbf-note = CardCoins paga en la cadena con una transacción que se puede reemplazar (RBF) para que se confirme antes. Tu billetera puede mostrar que el pago cambia una vez antes de confirmarse; es normal.
payout-name-title = Tu nombre
payout-name-lead = CardCoins necesita tu nombre para esta orden. Escríbelo como aparece en tu identificación.
payout-first-name = Nombre
payout-last-name = Apellido
payout-name-empty = Ingresa tu nombre y tu apellido.
payout-name-maybe = Si CardCoins necesita tu nombre para esta orden (lo pide cuando tu total de la semana pasa de cierto límite), escríbelo como aparece en tu identificación. Si no, deja ambos campos vacíos.
payout-with-captcha = Vuelve a hacer la verificación rápida con estos datos (CardCoins la pide después de varios intentos).
payout-submitting = Guardando adónde enviar el bitcoin…
# El paso del pago con la billetera de quien vende configurada: una dirección nueva de su billetera,
# o una pegada. $number es el número de una dirección en la billetera, como lo escribe
# wallet-address-number ("#4").
payout-lead-wallet = Usa una dirección nueva de tu billetera, o pega una dirección o factura.
payout-choice-legend = Dirección de pago
payout-choice-wallet = Usar una dirección nueva de tu billetera
payout-choice-paste = Pegar una dirección o factura en su lugar
payout-fresh-title = Dirección { $number } de tu billetera
payout-fresh-help = Ninguna otra venta recibe esta dirección. Tu billetera la muestra como la dirección de recepción { $number }.
payout-fresh-held = Esta orden ya tiene esta dirección. Tu billetera la muestra como la dirección de recepción { $number }.
payout-fresh-loading = Obteniendo la próxima dirección de tu billetera…
payout-gap-next = Para ir a lo seguro, pega una dirección en su lugar o deja que tus órdenes abiertas terminen primero. El límite de brecha se puede subir en tu billetera y en Configuración.
payout-wallet-offer = Recibe una dirección nueva en cada venta: agrega tu billetera en Configuración
payout-wallet-key-missing = Hay que volver a pegar la clave de tu billetera para que pueda dar direcciones nuevas: abre Configuración

## Paso 4: fotos de la tarjeta

photos-title = Agrega fotos de la tarjeta
photos-lead = Una foto para cada elemento de abajo. Arrastra los archivos de imagen a un recuadro o a la ventana, o elígelos.
photos-guide-title = Para que tu foto se acepte al primer intento
photos-guide-frame = La tarjeta se ve completa, con los bordes incluidos
photos-guide-sharp = Todos los números se ven nítidos y se pueden leer
photos-guide-glare = Sin reflejos: aléjate de lámparas y ventanas
photos-choose = Elegir foto…
photos-replace = Reemplazar foto
photos-drop-here = Suelta una imagen aquí
photos-preparing = Preparando la foto…
photos-uploading = Subiendo…
photos-waiting = En espera: las fotos se envían de una en una, para que cada una llegue a tiempo
photos-fitting = Preparándola para esta conexión…
photos-finishing = Terminando: la última parte sigue en camino a CardCoins…
photos-try-anyway = Intentar de todos modos
photos-uploaded = Subida
photos-already-uploaded = Ya está subida. Puedes reemplazarla.
photos-not-yet = Todavía no hay foto
photos-ready-plain = Lista: se ajustó su tamaño para subirla y se quitaron los datos de ubicación.
photos-details = Detalles
photos-size-after = Tamaño a subir: { $size }
photos-size-sent = Enviado: { $size }
photos-progress = { $percent }% enviado
# $photo es lo que muestra la foto ("Frente de la tarjeta"), como lo nombra CardCoins o la app.
photos-progress-label = Subida de { $photo }
photos-preview-alt = Vista previa de la foto de { $photo }
# Lo que debe mostrar cada foto, cuando CardCoins no lo describe.
photos-slot-image1 = Frente de la tarjeta
photos-slot-image2 = Reverso de la tarjeta
photos-slot-govid-front = Frente de tu identificación oficial
photos-slot-govid-back = Reverso de tu identificación oficial
photos-slot-govid-selfie = Una selfie sosteniendo tu identificación oficial
photos-ready =
    { $count ->
        [one] { $count } de { $count } lista
       *[other] { $count } de { $count } listas
    }
photos-missing =
    { $count ->
        [one] Falta una foto.
       *[other] Faltan { $count } fotos.
    }
# Lo que la app notó en una foto preparada y que suele hacer que la rechacen; igual se puede enviar.
photos-warning-blurry = La foto se ve borrosa, y si quien la revisa no puede leer la tarjeta, la rechazará. Sostén el teléfono firme, toca la tarjeta en la pantalla para enfocar y vuelve a tomarla.
photos-warning-too-dark = La foto está oscura y puede que la tarjeta sea difícil de leer. Vuelve a tomarla con mejor luz.
# $pixels es el lado más largo de la foto y $recommended el tamaño desde el que está bien, ambos en píxeles.
photos-warning-too-small = La foto es pequeña ({ $pixels } píxeles en su lado más largo; es mejor { $recommended } o más), así que quizá quien la revisa no pueda leer la tarjeta. Toma la foto con la cámara del teléfono en tamaño completo, lo bastante cerca para que la tarjeta llene el cuadro.
# $percent es la parte de la foto que quedó en blanco puro, un número entero.
photos-warning-blown-out = El { $percent }% de la foto se ve blanco por la luz o los reflejos, y eso puede tapar los números de la tarjeta. Apaga el flash, evita que la luz dé directo en la tarjeta y vuelve a tomarla.
# Lo mismo en pocas palabras, para la línea que dice qué se le hizo a la foto. $sharpness mide
# el contraste de los bordes y $brightness es el brillo promedio (de 0 a 255).
photos-warning-short-too-small = pequeña ({ $pixels } px en el lado más largo)
photos-warning-short-blurry = borrosa (nitidez { $sharpness })
photos-warning-short-too-dark = oscura (brillo { $brightness }/255)
photos-warning-short-blown-out = sobreexpuesta ({ $percent }% en blanco)
# Lo que se le hizo a una foto preparada, en "Detalles", en una línea: las partes de abajo
# seguidas, como el idioma enumera datos ("a, b y c"). Los formatos (JPEG, PNG, WebP, HEIC) se
# dejan como son; $width y $height van en píxeles, $size es un tamaño ya escrito ("4.8 MB").
photos-summary-file = { $format } de { $width } x { $height }, { $size }
photos-summary-converted = convertida de { $format }
photos-summary-kept = datos de la imagen conservados tal cual (sin volver a codificar)
# $quality es la calidad JPEG, de 1 a 100.
photos-summary-quality = codificada de nuevo con calidad { $quality }
photos-summary-reencoded = codificada de nuevo
# El tamaño del archivo tal como se eligió.
photos-summary-scaled = reducida de { $width } x { $height } ({ $size })
# Cómo se enderezó la foto, según lo anotó la cámara del teléfono.
photos-summary-turn-mirrored = reflejada
photos-summary-turn-180 = girada 180°
photos-summary-turn-upside-down = volteada de cabeza
photos-summary-turn-left-mirrored = girada 90° a la izquierda y reflejada
photos-summary-turn-right = girada 90° a la derecha
photos-summary-turn-right-mirrored = girada 90° a la derecha y reflejada
photos-summary-turn-left = girada 90° a la izquierda
photos-summary-metadata-removed = metadatos eliminados
# $summary es la línea de arriba; $warnings, los mensajes photos-warning-short- enumerados.
photos-summary-warnings = { $summary }; avisos: { $warnings }
photos-too-many-dropped = Soltaste más archivos que recuadros vacíos; los que sobraban no se usaron.

## Paso 5: revisión

review-title = Revisa todo y envíalo a revisión
review-lead = Nada es definitivo hasta que CardCoins revise la tarjeta. Esto es lo que se enviará.
review-amount = Valor de la tarjeta
review-receive = Recibes aproximadamente
review-in-bitcoin = en bitcoin ({ $sats })
review-destination = El bitcoin va a
review-onchain = Dirección de bitcoin
review-lightning = Lightning
review-destination-missing = Todavía no lo indicaste: regresa al paso del pago y pega adónde debe ir el bitcoin.
# $number es "#4": el número de la dirección de pago en la billetera de quien vende (wallet-address-number).
review-wallet-address = Dirección { $number } de tu billetera
review-phone = Teléfono
review-phone-verified = Verificado
review-phone-ending = Verificado, número que termina en { $digits }
review-photos = Fotos
review-photos-count =
    { $total ->
        [one] { $done } de { $total } subida
       *[other] { $done } de { $total } subidas
    }
review-submit = Enviar a revisión
review-submitting = Enviando…
review-what-next = Después, CardCoins revisa la tarjeta. Esto suele tardar unos minutos; puedes cerrar la app y volver más tarde.

## Una dirección de pago que CardCoins indica y que no es la que se envió

destination-warning-title = CardCoins indica otra dirección de pago
destination-warning-body = La dirección que CardCoins muestra para esta orden no es la que diste. El bitcoin podría ir al lugar equivocado.
destination-warning-sent = Tú diste
destination-warning-named = CardCoins muestra
destination-warning-next = No envíes nada más para esta orden. Guarda un archivo de soporte (abajo) y comunícate ya con el soporte de CardCoins.

## Paso 6: el estado de la orden

status-title = Tu orden
# El estado de una orden, según la palabra de estado de la API: una etiqueta corta (Tus órdenes,
# el progreso, el historial de estados) y lo que significa para quien vende. Una palabra de estado
# que la app no conoce se muestra como la escribió CardCoins, con status-explanation-unknown;
# status-label-not-given es para un estado sin ninguna letra ni dígito.
status-label-created = Iniciada
status-label-authorized = Esperando fotos
status-label-processing = En revisión
status-label-approved = Aprobada
status-label-completed = Completada
status-label-rejected = Fotos rechazadas
status-label-expired = Vencida
status-label-cancelled = Cancelada
status-label-gone = Ya no está registrada
status-label-not-given = Estado no indicado
status-explanation-created = Confirma tu número de teléfono e indica adónde debe ir el bitcoin.
status-explanation-authorized = Sube las fotos que pide CardCoins y luego envíalas a revisión.
status-explanation-processing = CardCoins está revisando tus fotos. Esto suele tardar unos minutos; puedes cerrar la app y volver más tarde.
status-explanation-approved = La tarjeta fue aceptada y el bitcoin va en camino.
status-explanation-completed = La orden está completa.
status-explanation-rejected = Algunas fotos no fueron aceptadas. Lee los comentarios, sube fotos nuevas y vuelve a enviarlas.
status-explanation-expired = La orden venció antes de terminarse. Empieza una orden nueva.
status-explanation-cancelled = La orden se canceló. Empieza una orden nueva si todavía quieres vender la tarjeta.
status-explanation-gone = CardCoins ya no tiene esta orden: venció o se canceló. Empieza una orden nueva si todavía quieres vender la tarjeta.
status-explanation-unknown = Esta es la palabra que usa CardCoins para el estado de tu orden. La app sigue consultando, cada vez con menos frecuencia; no tienes que hacer nada a menos que CardCoins te lo pida.
status-timeline-label = Progreso de la orden
status-stage-current = (paso actual)
status-stage-done = (listo)
status-checking-again = Volvemos a consultar en { $seconds } s.
status-check-now = Consultar ahora
status-last-checked = Última consulta a las { $time }
status-waiting-for = Esperando desde hace { $elapsed }.
status-will-notify = Puedes salir de esta pantalla: mientras la app esté abierta, te avisará cuando esto cambie.
status-feedback-title = Reemplaza las fotos que quizás no se vean bien
status-photos-need-replacing =
    { $count ->
        [one] { $count } foto necesita reemplazo
       *[other] { $count } fotos necesitan reemplazo
    }
status-photo-accepted = Aceptada:
status-replace-anyway = Ábrela si quieres reemplazarla de todos modos.
status-ready-to-send = Lista para enviar de nuevo.
status-replace-first =
    { $count ->
        [one] Primero reemplaza la foto de arriba.
       *[other] Primero reemplaza las { $count } fotos de arriba.
    }
status-no-feedback = CardCoins no dijo qué foto no pudo aceptar. Reemplaza las que quizás no se vean bien (borrosas, oscuras o cortadas) y vuelve a enviarlas.
status-resubmit = Enviar de nuevo a revisión
status-resubmitting = Enviando…
status-payout-title = Tu bitcoin va en camino
# Se lee junto con los sats y la dirección que siguen: "Tarjeta de $55.00 → 83,523 sats enviados a bc1q…".
status-payout-card = Tarjeta de { $amount } →
status-payout-sent-to = enviados a
# Después de la dirección, cuando vino de la billetera de quien vende. $number es "#4" (wallet-address-number).
status-payout-wallet-address = (dirección { $number } de tu billetera)
status-worth = Equivale a unos { $usd } al precio de tu cotización.
status-show-address = Mostrar la dirección completa
status-show-invoice = Mostrar la factura completa
status-copy-address = Copiar dirección
status-copy-invoice = Copiar factura
status-txid = ID de la transacción
status-copy-txid = Copiar ID de la transacción
status-payment-hash = Hash del pago
status-copy-payment-hash = Copiar hash del pago
status-view-in-explorer = Ver en un explorador de bloques
status-no-txid-yet = CardCoins todavía no ha compartido la transacción. Tu billetera mostrará el pago cuando llegue.
status-copy-failed = No se pudo copiar. Selecciona el texto y cópialo tú.
status-new-order = Vender otra tarjeta
status-bitcoin-title = Tu bitcoin
status-bitcoin-replaced-transaction = Transacción reemplazada
# El seguimiento del pago, mientras sigue la transacción hasta 3 confirmaciones (el número del
# seguimiento, como en los avisos de app.ftl). Un titular y luego una frase sobre lo que significa.
status-bitcoin-headline-waiting = Esperando el pago
status-bitcoin-headline-seen = Pago visto
status-bitcoin-headline-replaced = Pago reemplazado por un lote más grande
status-bitcoin-headline-confirmed =
    { $confirmations ->
        [one] { $confirmations } confirmación
       *[other] { $confirmations } confirmaciones
    }
status-bitcoin-headline-done = { $confirmations } confirmaciones: listo
status-bitcoin-detail-waiting = CardCoins aprobó el pago; todavía no se ve el bitcoin en la red.
status-bitcoin-detail-seen = Pago visto. Puede que lo reemplace un lote más grande: es normal. No lo gastes todavía.
status-bitcoin-detail-replaced = CardCoins reemplazó la transacción por un lote más grande que te paga la misma cantidad: es normal. No lo gastes todavía.
status-bitcoin-detail-confirmed = Ya está en un bloque. No lo gastes hasta que tenga 3 confirmaciones.
status-bitcoin-detail-done = El bitcoin es tuyo para gastarlo.
# Por qué el seguimiento no pudo consultar últimamente; sigue intentándolo solo.
status-bitcoin-problem-unreachable = El servidor de pagos no respondió; el seguimiento volverá a intentarlo en un rato.
status-bitcoin-problem-unreadable = No se pudo leer la respuesta del servidor de pagos; el seguimiento volverá a intentarlo más tarde. Si esto sigue pasando, verifica el servidor en Configuración.
status-bitcoin-watch-off = La app puede vigilar la red y avisarte cuando llegue el bitcoin y ya sea seguro gastarlo.
status-bitcoin-turn-on = Activa el seguimiento del pago en Configuración
status-bitcoin-last-checked = Consultado a las { $time }
status-bitcoin-timeline-label = Lo que vio el seguimiento del pago
status-bitcoin-lightning = Enviado por Lightning: llega al instante, no hay nada que vigilar.
status-bitcoin-sent-at = Enviado

## Tus órdenes

history-title = Tus órdenes
history-lead = Órdenes guardadas en esta computadora, de la más reciente a la más antigua.
history-empty = Todavía no hay órdenes.
history-created = Iniciada el { $when }
history-resume = Continuar
history-view = Ver
history-copy-id = Copiar ID de la orden
history-copy-id-help = El ID de la orden es lo que te pide el soporte de CardCoins. Mantenlo en privado: cualquiera que lo tenga puede ver la orden.
history-id-copied = ID de la orden copiado
history-forget = Olvidar
history-forget-confirm = ¿Olvidar esta orden en esta computadora? La orden sigue existiendo en CardCoins, pero ya no podrás seguirla aquí.
history-forget-yes = Sí, olvidarla
history-forgotten = Orden olvidada.

## Configuración

settings-title = Configuración
settings-language = Idioma
# $language es el idioma de la computadora, nombrado en ese idioma ("English", "Español").
settings-language-system = Igual que esta computadora ({ $language })
settings-language-pseudo = Pseudolocalización (para probar el diseño)
settings-language-saved = Idioma guardado.
settings-base-url = Dirección del servidor de CardCoins
settings-base-url-help = Déjala como está, a menos que el soporte de CardCoins te pida cambiarla.
settings-sandbox = Modo de práctica (sandbox): sin tarjeta real ni bitcoin real
settings-sandbox-by-flag = La app está en modo de práctica porque se abrió con --sandbox. Esta opción es para cuando se abre sin eso.
settings-uplink = Velocidad de subida de práctica
settings-uplink-help = Limita el almacén de fotos de práctica a esta velocidad, para que veas cómo la app envía fotos con una conexión lenta. Se aplica de inmediato.
settings-uplink-unlimited = Tan rápido como esta computadora
settings-uplink-8mbit = 8 Mbit/s (buena conexión de casa)
settings-uplink-1mbit = 1 Mbit/s (DSL o un hotspot débil)
settings-uplink-025mbit = 0.25 Mbit/s (mala señal móvil, o Tor)
settings-expiry-at-end = Almacén de práctica: el permiso de subida debe durar hasta que llegue el último byte (más estricto que Amazon S3)
settings-dialect = Cómo responde el servidor de práctica
settings-dialect-help = El servicio real puede redactar y organizar sus respuestas de otra forma que nuestro servidor de práctica. Prueba las otras opciones para ver cómo se adapta la app. Se aplica la próxima vez que se abra la app.
settings-dialect-extended = Extendido: todo lo que la app puede mostrar
settings-dialect-reference = Referencia: solo lo que CardCoins documenta
settings-dialect-keyed = Con claves: otros nombres y estructuras
settings-dialect-terse = Escueto: otras palabras de estado, pocos detalles
settings-proxy = Proxy (opcional)
settings-proxy-help = Por ejemplo socks5h://127.0.0.1:9050 para pasar por Tor. Déjalo vacío si no usas ninguno.
settings-notifications = Avisarme cuando cambie una orden
settings-payout-watch = Vigilar mi pago hasta que se confirme
settings-payout-watch-help = Tu dirección de pago se envía al servidor de abajo, a través de tu proxy si configuraste uno, para que pueda saber cuándo llega el bitcoin. CardCoins no participa.
settings-esplora-url = Servidor de pagos (Esplora)
settings-esplora-url-help = Tu propio servidor Esplora, o déjalo vacío para usar uno público (https://blockstream.info/api). Una dirección .onion funciona a través de Tor.
settings-esplora-practising = Mientras practicas, se usa la cadena propia del servidor de práctica, diga lo que diga aquí.
settings-advanced = Avanzado
settings-advanced-lead = Para el soporte de CardCoins, tus propios servidores y la práctica. La mayoría de las personas nunca cambia esto.
settings-explorer-url = Explorador de bloques
settings-explorer-url-help = Dónde abre una transacción el botón "Ver en un explorador de bloques", con {"{"}txid{"}"} donde va su ID. Déjalo vacío para usar mempool.space. Se abre en tu navegador web, que no usa el proxy de arriba.
settings-save = Guardar configuración
settings-saved = Configuración guardada.
settings-restart-note = Los cambios del servidor o del modo de práctica se aplican la próxima vez que se abra la app.
settings-help-title = Ayuda y soporte
settings-help-lead = Si el soporte de CardCoins te pregunta qué pasó, envíale el diagnóstico: la versión de la app, tu sistema, esta configuración (sin ninguna contraseña del proxy) y las últimas líneas del registro de la app. Nunca incluye los ID de tus órdenes.
settings-open-log-folder = Abrir la carpeta de registros
settings-copy-diagnostics = Copiar diagnóstico
settings-diagnostics-copied = Diagnóstico copiado. Pégalo en tu mensaje al soporte.

## Configuración: tu billetera, para una dirección de pago nueva en cada orden

wallet-title = Tu billetera
wallet-lead = Cada venta puede ir a una dirección nueva de tu propia billetera, para que tus ventas no se puedan vincular entre sí.
wallet-how = En tu billetera, abre la pantalla de exportar o de "información de la billetera" y copia la clave pública extendida (una xpub, ypub o zpub) o el descriptor de salida. Con eso la app solo puede ver direcciones: nunca puede gastar tu bitcoin.
wallet-never-private = Nunca pegues tus palabras semilla (las 12 o 24 palabras de respaldo) ni una clave privada, ni aquí ni en ningún otro lugar.
wallet-input-label = Clave pública extendida o descriptor
wallet-input-empty = Primero pega la clave pública extendida o el descriptor de tu billetera.
wallet-check = Verificar
wallet-checking = Verificando…
wallet-type = Tipo de direcciones
# El tipo de direcciones que da una billetera, con cómo empiezan, para compararlo con la billetera.
wallet-kind-p2pkh = Direcciones legacy (1…)
wallet-kind-p2sh-p2wpkh = Direcciones SegWit anidadas (3…)
wallet-kind-p2wpkh = Direcciones SegWit nativas (bc1q…)
wallet-kind-p2tr = Direcciones Taproot (bc1p…)
# $kind es el código de un tipo que esta versión de la app no conoce, tal como llegó ("p2xyz").
wallet-kind-other = Direcciones de tipo { $kind }
# El número de una dirección en la lista de direcciones de recepción de la billetera, contando
# desde 0 como lo hacen las billeteras. $number ya viene con los dígitos del idioma.
wallet-address-number = #{ $number }
wallet-first-addresses = Compara con tu billetera: las primeras direcciones de recepción
wallet-preview-compare = Tu billetera debería mostrar estas como las direcciones de recepción #0, #1 y #2. Si coinciden, usa esta billetera.
wallet-preview-numbering = Si tu billetera muestra sus direcciones sin números, la #0 es la primera.
wallet-save = Usar esta billetera
wallet-saving = Guardando…
wallet-saved = Billetera guardada. Cada orden nueva recibe su propia dirección.
# $number es "#4": el número de la dirección, como lo escribe wallet-address-number. Sigue la dirección.
wallet-next = La próxima orden recibe la dirección { $number }:
wallet-in-flight =
    { $count ->
        [one] Una orden abierta tiene reservada una dirección. Se libera si la orden termina sin pago.
       *[other] { $count } órdenes abiertas tienen reservada una dirección. Cada una se libera si su orden termina sin pago.
    }
# El límite de brecha (gap limit): una billetera restaurada con sus palabras semilla deja de buscar
# después de esta cantidad de direcciones sin usar seguidas. Las direcciones reservadas por
# órdenes abiertas y sin pagar cuentan como sin usar.
wallet-gap-close-title = Pronto una billetera restaurada podría no ver los pagos nuevos
wallet-gap-beyond-title = Una billetera restaurada podría no ver el próximo pago
# $limit es el límite de brecha, una cantidad de direcciones.
wallet-gap-explain = Una billetera restaurada con sus palabras semilla revisa las direcciones en orden y deja de buscar después de { $limit } sin usar seguidas. Las direcciones reservadas por órdenes abiertas siguen sin usar hasta que se pagan, así que un pago más adelante podría no aparecer.
wallet-gap-what-to-do = Para ir a lo seguro: deja que las órdenes abiertas terminen, pega una dirección para la próxima venta, o sube el límite de brecha (gap limit) en tu billetera y luego aquí.
wallet-gap-limit = Límite de brecha (gap limit)
wallet-gap-limit-help = Cuántas direcciones sin usar seguidas revisa tu billetera antes de dejar de buscar (20 en la mayoría). Debe coincidir con el ajuste de tu billetera.
wallet-gap-limit-invalid = Ingresa un número entero del 1 al 1000. La mayoría de las billeteras usa 20.
wallet-gap-limit-save = Guardar el límite
wallet-gap-limit-saved = Límite guardado.
wallet-key-missing = Esta computadora no tiene un llavero del sistema, así que la clave de tu billetera solo se guardó hasta la última vez que se cerró la app. Vuelve a pegarla para seguir recibiendo una dirección nueva en cada venta.
wallet-remove = Quitar la billetera
wallet-remove-confirm = ¿Quitar esta billetera de la app? Las órdenes que ya tienen una dirección la conservan, y tu billetera y su bitcoin no se tocan. Puedes volver a agregarla cuando quieras.
wallet-remove-yes = Sí, quitarla
wallet-removed = Billetera quitada. Pega una dirección en cada venta o vuelve a agregar una billetera.

## Archivos que se guardan de las órdenes: historial de estados, exportación, soporte, recibo

records-history-title = Historial de estados
records-history-label = Cómo cambió el estado de la orden, del más antiguo al más reciente
records-history-empty = Todavía no hay cambios de estado registrados.
records-include-ids = Incluir los ID de orden
records-include-id = Incluir el ID de la orden
records-ids-warning = Cualquiera que tenga el ID de una orden controla esa orden. Mantén este archivo en privado.
records-saved-as = Guardado como { $name }
records-cancelled = No se guardó.
records-export-title = Exportar…
records-export-lead = Guarda una lista de tus órdenes: fechas, montos, sats recibidos, precios, adónde fue el bitcoin y su transacción.
records-format = Formato
records-format-csv = CSV, para hojas de cálculo y programas de impuestos
records-format-bip329 = Etiquetas BIP-329, para Sparrow y otras billeteras
records-export-button = Exportar…
records-support-title = Archivo de soporte
records-support-lead = Un archivo para el soporte de CardCoins: la versión de la app, tu sistema, las últimas líneas del registro y los detalles e historial de estados de tus órdenes. Nunca contiene fotos.
records-support-lead-order = Un archivo para el soporte de CardCoins sobre esta orden: la versión de la app, tu sistema, las últimas líneas del registro y los detalles e historial de estados de esta orden. Nunca contiene fotos.
records-save-support = Guardar un archivo de soporte…
records-save-support-order = Guardar un archivo de soporte de esta orden
records-receipt-title = Recibo
records-receipt-lead = Un PDF para tus registros: el valor de la tarjeta, tu cotización, adónde va el bitcoin, cómo avanzó la orden y el pago.
records-save-receipt = Guardar un recibo (PDF)…

## Errores: los títulos y los siguientes pasos que la app agrega al mensaje del sistema

error-title = Algo salió mal
error-offline-title = Parece que no tienes conexión
error-offline-next = Revisa tu conexión a internet y vuelve a intentarlo. No se perdió nada de lo que ingresaste.
error-maintenance-title = CardCoins está en mantenimiento
error-maintenance-next = No se perdió nada de lo que ingresaste. Vuelve a intentarlo en unos minutos.
error-busy-title = CardCoins está ocupado
error-private-key-title = No se guardó: eso era privado
error-busy-next = Espera un minuto y vuelve a intentarlo.
error-blocked-title = Por ahora, CardCoins no responde a esta red
error-blocked-next = No se perdió nada de lo que ingresaste. Si usas una VPN o Tor, otra conexión podría ayudar; si no, espera y vuelve a intentarlo.
# $words son las palabras de CardCoins, tal como las escribió.
error-server-said = CardCoins dijo: “{ $words }”
error-retry-in = Intentar de nuevo en { $seconds } s
error-unexpected = Ocurrió un error inesperado. Vuelve a intentarlo; si sigue pasando, comunícate con el soporte de CardCoins.
