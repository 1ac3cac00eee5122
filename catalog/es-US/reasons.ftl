### Por qué se rechazó algo que la persona escribió, eligió o pidió, con más detalle que el
### código del error (errors.ftl): el carácter mal escrito, el límite, los minutos de espera. Rust
### elige el mensaje y entrega sus valores; estas palabras se ven en pantalla, en la línea de
### comandos y en el registro. Los valores que escribió la persona ($input, $char) se muestran tal
### cual; un ID de orden nunca. Las palabras de CardCoins se muestran aparte, tal como las
### escribió: no se repiten ni se traducen aquí.

## Montos. $input es lo que se escribió, cortado a 40 caracteres; $amount y $max son dólares,
## ya escritos para el idioma.

reason-amount-empty = No ingresaste un monto: escribe el valor de la tarjeta en dólares, por ejemplo 55 o 55.00.
reason-amount-negative = “{ $input }” no es un monto en dólares: un monto no puede ser negativo; escribe el valor de la tarjeta, por ejemplo 55.00.
reason-amount-not-digits = “{ $input }” no es un monto en dólares: escríbelo con dígitos, con un $ si quieres y un punto antes de los centavos, por ejemplo $1,234.56.
reason-amount-cents-not-digits = “{ $input }” no es un monto en dólares: escribe los centavos con dígitos después del punto, por ejemplo 55.50.
reason-amount-too-many-decimals = “{ $input }” no es un monto en dólares: los centavos llevan como máximo dos decimales, por ejemplo 55.50.
reason-amount-no-digits = “{ $input }” no es un monto en dólares: escríbelo con dígitos, por ejemplo 55.00.
reason-amount-far-too-large = “{ $input }” no es un monto en dólares: es muchísimo más de lo que tiene cualquier tarjeta; revisa el número.
reason-amount-typed-zero = “{ $input }” no es un monto en dólares: el monto tiene que ser mayor que cero.
reason-amount-zero = El monto tiene que ser mayor que cero: escribe el valor de la tarjeta, por ejemplo 55.00.
reason-amount-too-large = { $amount } es más de lo que tiene cualquier tarjeta de regalo (como máximo { $max }): revisa el número.

## ID de orden. Nunca se muestra el ID: puede ser uno real con un error. $char es el único
## carácter que no puede estar en un ID de orden.

reason-order-id-empty = No pegaste un ID de orden: pega el ID de orden que te dio CardCoins.
reason-order-id-too-long =
    { $length ->
        [one] Este ID de orden tiene { $length } carácter, más de los { $max } que puede tener un ID de orden: revisa que hayas pegado solo el ID de orden.
       *[other] Este ID de orden tiene { $length } caracteres, más de los { $max } que puede tener un ID de orden: revisa que hayas pegado solo el ID de orden.
    }
reason-order-id-character = Este ID de orden tiene el carácter '{ $char }'; un ID de orden solo tiene letras, dígitos, '-' y '_': revisa que hayas pegado solo el ID de orden.
reason-order-id-space = Este ID de orden tiene un espacio o un carácter de control; un ID de orden solo tiene letras, dígitos, '-' y '_': revisa que hayas pegado solo el ID de orden.

## Números de teléfono. El número nunca se muestra. $code es un código de país (1, 44);
## $region el país de dos letras con el que se leyó el número (US, MX).

reason-phone-empty = No ingresaste un número de teléfono: escribe un número de celular que pueda recibir mensajes de texto.
reason-phone-extension = Este número tiene una extensión, que no puede recibir mensajes de texto: escribe un número de celular sin extensión.
reason-phone-not-a-number = Esto no parece un número de teléfono: escribe dígitos, por ejemplo +1 650 253 0000.
reason-phone-no-country = El código de país no existe, o el número no tiene código de país ni un país predeterminado: empieza con + y el código de país, por ejemplo +1 para EE. UU.
reason-phone-too-short = Este número de teléfono es demasiado corto: revisa que no falten dígitos.
reason-phone-too-long = Este número de teléfono es demasiado largo: revisa si sobran dígitos.
reason-phone-invalid = Este no es un número de teléfono válido: revisa los dígitos.
reason-phone-invalid-for-code = Este no es un número de teléfono válido para el código de país +{ $code }: revisa los dígitos.
reason-phone-invalid-local = Este no es un número de teléfono válido: revisa los dígitos, o empieza con + y el código de país.
reason-phone-invalid-local-for-code = Este no es un número de teléfono válido para el código de país +{ $code }: revisa los dígitos, o empieza con + y el código de país.
reason-phone-invalid-local-for-region = Este no es un número de teléfono válido para el código de país +{ $code } (se leyó como un número de { $region }): revisa los dígitos, o empieza con + y el código de país.

## Nombres y códigos. $max es una cantidad de caracteres.

reason-name-one-missing = Escribe tu nombre y tu apellido, o deja ambos vacíos.
reason-name-first-too-long = El nombre tiene más de { $max } caracteres: escríbelo como aparece en tu identificación.
reason-name-last-too-long = El apellido tiene más de { $max } caracteres: escríbelo como aparece en tu identificación.
reason-name-first-invisible = El nombre tiene caracteres invisibles: vuelve a escribirlo.
reason-name-last-invisible = El apellido tiene caracteres invisibles: vuelve a escribirlo.
reason-code-empty = Escribe el código del mensaje, por ejemplo 123456.
reason-code-malformed = Eso no parece el código del mensaje: escribe sus dígitos, por ejemplo 123456.

# $input es lo que se indicó, cortado a 40 caracteres; $known los nombres de foto que usa CardCoins (Image1, ...).
reason-image-slot-unknown = “{ $input }” no es un tipo de imagen: usa uno de estos: { $known }.

## Adónde va el bitcoin: lo que se pegó

reason-destination-empty = No pegaste nada: pega una dirección de bitcoin, una factura Lightning o una Lightning Address.
reason-destination-unrecognised = Esto no es una dirección de bitcoin, una factura Lightning ni una Lightning Address: vuelve a copiarlo desde la pantalla para recibir de tu billetera.
reason-destination-lnurl = Esto es un código LNURL, y CardCoins no puede pagar a uno: usa una factura Lightning sin monto, una Lightning Address o una dirección de bitcoin.

## Enlaces bitcoin:. $parameter es el nombre que el enlace le da a esa parte, cortado a 40 caracteres.

reason-link-required-parameter = Este enlace de bitcoin tiene un parámetro obligatorio (“{ $parameter }”) que CardCoins no puede cumplir: pega solo la dirección de bitcoin.
reason-link-no-address = Este enlace de bitcoin no tiene ninguna dirección: pega una dirección de bitcoin, una factura Lightning o una Lightning Address.
reason-link-damaged = Este enlace de bitcoin está dañado (una parte no está bien codificada): vuelve a copiarlo desde tu billetera, o pega solo la dirección de bitcoin.

## Facturas Lightning. $network es el nombre de una red de prueba (testnet, signet, regtest,
## simnet); $currency las letras de la moneda de la factura; $amount los sats que pide, ya escritos
## para el idioma; $count un número entero de segundos, minutos, horas o días.

reason-invoice-test-network = Esta factura es para una red de prueba, no para bitcoin real: crea una factura nueva sin monto en una billetera Lightning de bitcoin real (esta es una factura de { $network }; CardCoins paga en la red principal de bitcoin).
reason-invoice-has-amount = Esta factura pide { $amount }; crea una factura sin monto (CardCoins fija el monto según el valor de la tarjeta).
reason-invoice-expired-seconds =
    { $count ->
        [one] Esta factura venció hace { $count } segundo: crea una factura nueva sin monto.
       *[other] Esta factura venció hace { $count } segundos: crea una factura nueva sin monto.
    }
reason-invoice-expired-minutes =
    { $count ->
        [one] Esta factura venció hace { $count } minuto: crea una factura nueva sin monto.
       *[other] Esta factura venció hace { $count } minutos: crea una factura nueva sin monto.
    }
reason-invoice-expired-hours =
    { $count ->
        [one] Esta factura venció hace { $count } hora: crea una factura nueva sin monto.
       *[other] Esta factura venció hace { $count } horas: crea una factura nueva sin monto.
    }
reason-invoice-expired-days =
    { $count ->
        [one] Esta factura venció hace { $count } día: crea una factura nueva sin monto.
       *[other] Esta factura venció hace { $count } días: crea una factura nueva sin monto.
    }
reason-invoice-other-coin = Esta factura Lightning no es de bitcoin (su moneda es “{ $currency }”): crea una factura nueva sin monto en una billetera Lightning de bitcoin.
reason-invoice-checksum = Hay un carácter mal escrito o que falta: vuelve a copiar la factura desde tu billetera, o crea una nueva (su suma de verificación no coincide).
reason-invoice-bad-characters = Esta factura tiene caracteres que una factura no puede tener: vuelve a copiar la factura desde tu billetera, o crea una nueva.
reason-invoice-too-short = Esta factura es demasiado corta, así que le falta una parte: vuelve a copiar la factura desde tu billetera, o crea una nueva.
reason-invoice-signature = La firma de esta factura no coincide con su contenido, así que se cambió después de crearla: vuelve a copiar la factura desde tu billetera, o crea una nueva.
reason-invoice-breaks-rules = Esta factura no cumple las reglas de las facturas Lightning (BOLT11), así que ninguna billetera puede pagarla: vuelve a copiar la factura desde tu billetera, o crea una nueva.
reason-invoice-invalid = Esta no es una factura Lightning válida: vuelve a copiar la factura desde tu billetera, o crea una nueva.

## Direcciones de bitcoin. $char es el carácter que no puede estar ahí; $prefix el comienzo de la
## dirección antes de su "1"; $version un número de versión de SegWit.

reason-address-checksum = Hay un carácter mal escrito o que falta: vuelve a copiar la dirección desde tu billetera en lugar de escribirla (su suma de verificación no coincide).
# $network dice para qué redes de prueba puede ser la dirección: testnet, regtest, any (cualquiera) u other.
reason-address-test-network = Esta dirección es para una red de prueba, no para bitcoin real. Usa una dirección para recibir de una billetera de bitcoin real: empieza con bc1, 1 o 3 (esta es una dirección de { $network ->
        [any] red de prueba (testnet, signet o regtest)
        [testnet] testnet (o signet)
        [regtest] regtest
       *[other] una red que no es la principal
    }; CardCoins paga en la red principal de bitcoin).
reason-address-anchor = Esta es una dirección pay-to-anchor, que cualquiera puede gastar: no es la dirección de una billetera. Usa una dirección para recibir de tu billetera de bitcoin.
reason-address-future-segwit = Esta dirección es una salida SegWit de un tipo que ninguna billetera usa todavía (versión { $version }), así que el dinero que se envíe ahí podría perderse: usa una dirección para recibir de tu billetera de bitcoin (que empiece con bc1q, bc1p, 1 o 3).
reason-address-future-kind = Esta dirección es de un tipo que ninguna billetera usa todavía, así que el dinero que se envíe ahí podría perderse: usa una dirección para recibir de tu billetera de bitcoin (que empiece con bc1q, bc1p, 1 o 3).
reason-address-other-coin = Esta dirección empieza con “{ $prefix }1”, así que no es una dirección de bitcoin (puede ser de otra moneda): usa una dirección de bitcoin, que empieza con bc1, 1 o 3.
reason-address-not-bitcoin = Esta no es una dirección de bitcoin (puede ser de otra moneda): usa una dirección de bitcoin, que empieza con bc1, 1 o 3.
reason-address-unknown-prefix = Esta no es una dirección de bitcoin: vuelve a copiar la dirección desde tu billetera.
reason-address-wrong-length = Esta dirección no tiene el largo que corresponde a su tipo, así que le falta o le sobra una parte: vuelve a copiar la dirección desde tu billetera.
reason-address-ethereum = Esto parece una dirección de Ethereum; CardCoins solo paga en bitcoin: usa una dirección de bitcoin, una factura Lightning o una Lightning Address.
reason-address-pasted-length = Esto es demasiado corto o demasiado largo para ser una dirección de bitcoin: revisa que hayas pegado toda la dirección y nada más, o vuelve a copiarla desde tu billetera.
reason-address-length = Esta dirección es demasiado corta o demasiado larga para ser una dirección de bitcoin: vuelve a copiar la dirección desde tu billetera.
reason-address-base58-character = El carácter '{ $char }' no puede estar en una dirección de bitcoin (nunca tienen 0, O, I ni l, ni espacios): vuelve a copiar la dirección desde tu billetera.
reason-address-mixed-case = Esta dirección mezcla mayúsculas y minúsculas, algo que una dirección bc1 nunca hace: vuelve a copiar la dirección desde tu billetera.
reason-address-bech32-character = El carácter '{ $char }' no puede estar en una dirección bc1 (después de "bc1" nunca tienen 1, b, i ni o, ni espacios): vuelve a copiar la dirección desde tu billetera.
reason-address-bech32-symbol = Un espacio o un símbolo no puede estar en una dirección bc1 (después de "bc1" nunca tienen 1, b, i ni o, ni espacios): vuelve a copiar la dirección desde tu billetera.
reason-address-bech32-length = Esta dirección es demasiado larga o demasiado corta para una dirección de bitcoin: vuelve a copiar la dirección desde tu billetera.
reason-address-segwit-version = Esta dirección tiene una versión de SegWit que no es válida (el carácter después de "bc1"): vuelve a copiar la dirección desde tu billetera.
reason-address-damaged = Esta dirección está incompleta o dañada: vuelve a copiar la dirección desde tu billetera.
reason-address-checksum-variant = Esta dirección se creó con la variante de suma de verificación equivocada para su versión de SegWit (un error de la billetera que la creó): crea una nueva dirección para recibir con una billetera actualizada.

## Lightning Addresses (nombre@ejemplo.com). $char es el carácter que no puede estar ahí; $max una
## cantidad de caracteres; $part una parte del dominio, entre sus puntos.

reason-lightning-address-no-at = Esta no es una Lightning Address válida: no tiene @. Una Lightning Address se ve así: nombre@ejemplo.com.
reason-lightning-address-name-missing = Esta no es una Lightning Address válida: falta el nombre antes de la @. Una Lightning Address se ve así: nombre@ejemplo.com.
reason-lightning-address-several-at = Esta no es una Lightning Address válida: tiene más de una @: revisa que hayas pegado solo una dirección.
reason-lightning-address-name-too-long = Esta no es una Lightning Address válida: el nombre antes de la @ tiene más de { $max } caracteres: revisa la dirección.
reason-lightning-address-tag-name-missing = Esta no es una Lightning Address válida: falta el nombre antes del +: revisa la dirección.
reason-lightning-address-name-character = Esta no es una Lightning Address válida: el carácter '{ $char }' no puede estar en el nombre antes de la @ (solo pueden estar letras, dígitos, '-', '_', '.' y un '+'): revisa la dirección.
reason-lightning-address-name-space = Esta no es una Lightning Address válida: un espacio o un carácter de control no puede estar en el nombre antes de la @ (solo pueden estar letras, dígitos, '-', '_', '.' y un '+'): revisa la dirección.
reason-lightning-address-tag-empty = Esta no es una Lightning Address válida: la etiqueta después del + está vacía: quita el + o agrega la etiqueta.
reason-lightning-address-domain-missing = Esta no es una Lightning Address válida: falta el dominio después de la @. Una Lightning Address se ve así: nombre@ejemplo.com.
reason-lightning-address-domain-too-long = Esta no es una Lightning Address válida: el dominio después de la @ es demasiado largo: revisa la dirección.
reason-lightning-address-domain-character = Esta no es una Lightning Address válida: el carácter '{ $char }' no puede estar en el dominio después de la @: revisa la dirección.
reason-lightning-address-domain-international = Esta no es una Lightning Address válida: el carácter '{ $char }' no puede estar en el dominio después de la @ (escribe un dominio internacional en su forma xn--): revisa la dirección.
reason-lightning-address-domain-space = Esta no es una Lightning Address válida: un espacio o un carácter de control no puede estar en el dominio después de la @: revisa la dirección.
reason-lightning-address-domain-no-dot = Esta no es una Lightning Address válida: el dominio después de la @ no tiene ningún punto. Una Lightning Address se ve así: nombre@ejemplo.com.
reason-lightning-address-domain-empty-part = Esta no es una Lightning Address válida: el dominio después de la @ tiene una parte vacía (dos puntos seguidos, o un punto en un extremo): revisa la dirección.
reason-lightning-address-domain-bad-part = Esta no es una Lightning Address válida: “{ $part }” no es una parte válida de un nombre de dominio: revisa la dirección.
reason-lightning-address-domain-ip = Esta no es una Lightning Address válida: lo que va después de la @ es una dirección IP, no un dominio. Una Lightning Address se ve así: nombre@ejemplo.com.

## Fotos. $path es el archivo que eligió la persona; $format el nombre de un formato de imagen
## (JPEG, PNG, WebP, HEIC); $size, $limit, $budget y $smallest son tamaños ya escritos para el
## idioma (5.0 MB); $width y $height son píxeles.

reason-photo-unreadable = No se pudo leer el archivo de la foto { $path }. Revisa que el archivo todavía exista y que tengas permiso para abrirlo.
reason-photo-folder = { $path } es una carpeta, no una foto. Elige un archivo de foto que esté dentro.
reason-photo-empty = El archivo está vacío (0 bytes). Vuelve a elegir la foto; si está en una carpeta en la nube, espera a que termine de descargarse.
reason-photo-file-too-large = El archivo pesa { $size }, más de los { $limit } que aceptamos. Elige la foto tal como la guardó la cámara de tu teléfono, no un video ni un archivo comprimido.
reason-photo-too-many-pixels = El archivo { $format } dice medir { $width } x { $height } píxeles, más de los { $megapixels } megapíxeles que podemos abrir con seguridad. Vuelve a tomar la foto con la configuración normal de la cámara, o exporta una copia más pequeña.
reason-photo-truncated = El archivo { $format } está incompleto: le falta el final. Vuelve a copiar o descargar la foto, o toma una nueva.
reason-photo-damaged = El archivo { $format } está dañado y no se puede leer. Vuelve a exportar o copiar la foto, o toma una nueva.
reason-photo-cannot-fit = No se pudo ajustar esta foto al límite de subida de { $budget }: incluso a { $width } x { $height } píxeles y con baja calidad pesa { $smallest }. Recorta la foto a la tarjeta y vuelve a intentarlo.
reason-photo-internal = Algo falló inesperadamente al procesar la foto. Prueba con otra foto; si sigue pasando, repórtalo.

## Un archivo que no es una foto que la app pueda usar, según lo que resultó ser.

reason-photo-heic = Este archivo es una foto HEIC (el formato de alta eficiencia del iPhone). Expórtala como JPEG y elige ese archivo: en el iPhone, Ajustes > Cámara > Formatos > Más compatible hace que la cámara guarde en JPEG; para una foto que ya tomaste, compártela por Mail o guárdala en Archivos, que entregan una copia en JPEG, o en una Mac ábrela en Vista Previa y usa Archivo > Exportar > JPEG.
reason-photo-heic-linux = Este archivo es una foto HEIC (el formato de alta eficiencia del iPhone). Expórtala como JPEG y elige ese archivo: en el iPhone, Ajustes > Cámara > Formatos > Más compatible hace que la cámara guarde en JPEG; para una foto que ya tomaste, compártela por Mail o guárdala en Archivos, que entregan una copia en JPEG, o en una Mac ábrela en Vista Previa y usa Archivo > Exportar > JPEG. En Linux, si instalas libheif (el paquete libheif1 en Debian y Ubuntu), CardCoins puede convertir las fotos HEIC por su cuenta.
reason-photo-avif = Este archivo es una imagen AVIF. Guárdala o expórtala como JPEG o PNG y elige ese archivo.
reason-photo-jpeg-xl = Este archivo es una imagen JPEG XL. Guárdala o expórtala como JPEG o PNG y elige ese archivo.
reason-photo-gif = Este archivo es una imagen GIF. Guárdala o expórtala como JPEG o PNG y elige ese archivo.
reason-photo-tiff = Este archivo es una imagen TIFF o un archivo RAW de cámara. Guárdalo o expórtalo como JPEG o PNG y elige ese archivo.
reason-photo-bmp = Este archivo es una imagen BMP. Guárdala o expórtala como JPEG o PNG y elige ese archivo.
reason-photo-photoshop = Este archivo es un documento de Photoshop. Guárdalo o expórtalo como JPEG o PNG y elige ese archivo.
reason-photo-icon = Este archivo es un ícono. Guárdalo o expórtalo como JPEG o PNG y elige ese archivo.
reason-photo-svg = Este archivo es un dibujo SVG. Guárdalo o expórtalo como JPEG o PNG y elige ese archivo.
reason-photo-pdf = Este archivo es un documento PDF. Toma una foto de la tarjeta, o exporta la página como imagen JPEG o PNG.
reason-photo-video = Este archivo es un video. Toma una foto fija de la tarjeta y elige esa.
reason-photo-zip = Este archivo es un archivo ZIP o un documento de Office, no una imagen. Elige una foto de la tarjeta: un archivo JPEG, PNG o WebP.
reason-photo-text = Este archivo es un archivo de texto, no una imagen. Elige una foto de la tarjeta: un archivo JPEG, PNG o WebP.
reason-photo-unknown = Este archivo no es una imagen que reconozcamos. Elige una foto de la tarjeta: un archivo JPEG, PNG o WebP.

## Enviar una foto. $rate es la velocidad de la conexión (250 kbit/s, 1.2 Mbit/s); $size el tamaño
## de la foto, ya escrito para el idioma; $seconds un número entero de segundos.

reason-upload-too-slow = Esta conexión envía unos { $rate }, así que incluso en su tamaño más pequeño ({ $size }, { $width } x { $height }) esta foto necesita unos { $seconds } segundos, y el permiso de CardCoins para subirla dura 15 segundos. Conéctate a una red más rápida si puedes, o inténtalo de todos modos: puede que llegue.
reason-upload-may-be-too-slow = Incluso en su tamaño más pequeño ({ $size }, { $width } x { $height }), puede que esta foto tarde más en esta conexión, y el permiso de CardCoins para subirla dura 15 segundos. Conéctate a una red más rápida si puedes, o inténtalo de todos modos: puede que llegue.

## La lista de órdenes y los ID de orden guardados en esta computadora. $path es el archivo de la
## lista de órdenes; $found y $supported son números de versión de su formato.

reason-vault-read = No se pudo leer la lista de órdenes en { $path }. Revisa que la carpeta exista y que tengas permiso para abrirla.
reason-vault-create-folder = No se pudo crear la carpeta de la lista de órdenes en { $path }. Revisa que tengas permiso para escribir ahí.
reason-vault-write = No se pudo escribir la lista de órdenes en { $path }. Revisa que la carpeta exista, que tengas permiso para escribir en ella y que el disco no esté lleno.
reason-vault-newer = La lista de órdenes en { $path } la escribió una versión más nueva de la app (formato { $found }; esta versión lee hasta el formato { $supported }). Actualiza la app para ver esas órdenes.
reason-vault-secret-missing = El ID de esta orden ya no está guardado en esta computadora (se guardó solo mientras la app estuvo abierta, o se quitó del llavero del sistema). Pide ayuda al soporte de CardCoins, o empieza una orden nueva.
reason-vault-keyring = No se pudo usar el llavero del sistema, así que el ID de orden no se guardó ahí. Revisa que el llavero esté desbloqueado y vuelve a intentarlo.

## Lo que respondieron CardCoins o la conexión, más allá de lo que dice el código del error.
## $count es un número entero de minutos o segundos; $status un número de estado HTTP (500).

reason-api-blocked-minutes = CardCoins está rechazando por un tiempo las solicitudes de esta red: puede deberse a demasiadas solicitudes, a una VPN o a la ubicación. Espera unos { $count } minutos antes de volver a intentarlo.
reason-api-blocked-seconds =
    { $count ->
        [one] CardCoins está rechazando por un tiempo las solicitudes de esta red: puede deberse a demasiadas solicitudes, a una VPN o a la ubicación. Espera { $count } segundo antes de volver a intentarlo.
       *[other] CardCoins está rechazando por un tiempo las solicitudes de esta red: puede deberse a demasiadas solicitudes, a una VPN o a la ubicación. Espera unos { $count } segundos antes de volver a intentarlo.
    }
reason-api-server-error = CardCoins tuvo un problema en su servidor (HTTP { $status }). Vuelve a intentarlo en unos minutos; si sigue pasando, comunícate con el soporte.
reason-api-no-price = CardCoins no envió el precio del bitcoin. Vuelve a intentarlo en un minuto.
reason-api-presign-refused = CardCoins no aceptó subir esta foto. Revisa que sea JPEG o PNG de menos de 5 MB.
reason-api-verify-refused = CardCoins no empezó la revisión. Revisa que hayas subido todas las fotos que pide.
reason-network-broke-off = Se cortó la conexión con CardCoins. Vuelve a intentarlo.

## La configuración de la app y esta computadora. $folder y $path son carpetas y archivos de esta
## computadora; $minutes un número entero de minutos.

reason-captcha-not-set-up = La verificación de teléfono no está configurada en esta versión de CardCoins Desktop: quien la publica tiene que poner la clave de sitio de reCAPTCHA y el nombre de host registrado que le dio CardCoins (CARDCOINS_RECAPTCHA_SITE_KEY y CARDCOINS_CAPTCHA_HOSTNAME al compilar).
# $given y $missing son los nombres de las dos opciones de compilación (CARDCOINS_RECAPTCHA_SITE_KEY, CARDCOINS_CAPTCHA_HOSTNAME).
reason-captcha-incomplete = La verificación de teléfono no está bien configurada en esta versión de CardCoins Desktop: { $given } tiene un valor, pero { $missing } está vacía; CardCoins entrega las dos, y se necesitan las dos. Quien la publica tiene que corregirlo.
reason-captcha-site-key = La verificación de teléfono no está bien configurada en esta versión de CardCoins Desktop: CARDCOINS_RECAPTCHA_SITE_KEY no es una clave de sitio de reCAPTCHA. Quien la publica tiene que corregirlo.
reason-captcha-hostname = La verificación de teléfono no está bien configurada en esta versión de CardCoins Desktop: CARDCOINS_CAPTCHA_HOSTNAME tiene que ser solo un nombre de host, como desktop.example.com (sin https://, puerto ni ruta). Quien la publica tiene que corregirlo.
reason-captcha-practice-unusable = No se puede usar la verificación del servidor de práctica. Reinicia la app o desactiva el modo de práctica en Configuración.
reason-captcha-timeout = La ventana de verificación se cerró porque no se terminó en { $minutes } minutos. Presiona Enviar código para abrirla de nuevo.
reason-captcha-proxy-unusable = El proxy de Configuración no se puede usar para la ventana de verificación: no es una dirección de proxy como socks5h://127.0.0.1:9050 o http://127.0.0.1:8080.
reason-captcha-proxy-no-port = El proxy de Configuración no se puede usar para la ventana de verificación: necesita un host y un puerto.
reason-captcha-proxy-password = El proxy de Configuración no se puede usar para la ventana de verificación: ahí no se admiten proxies con usuario o contraseña.
# $scheme es el comienzo de la dirección del proxy, antes de "://" (ftp, https).
reason-captcha-proxy-scheme = El proxy de Configuración no se puede usar para la ventana de verificación: ahí no se admiten proxies { $scheme }://; usa http:// o socks5h://.
reason-captcha-proxy-macos = Esta versión de CardCoins Desktop no puede enviar la ventana de verificación a través de un proxy en macOS, y sin él Google vería tu dirección real. Quita el proxy en Configuración para hacer la verificación, o usa una versión creada con la función macos-proxy.
reason-payout-server-unusable = No se puede usar el servidor de pagos de Configuración. Revisa su dirección (una API de Esplora como https://blockstream.info/api) y el proxy de arriba.
reason-explorer-not-txid = Esto no es un ID de transacción de bitcoin, así que ningún explorador puede mostrarlo.
reason-explorer-template = El explorador de bloques de Configuración no es una dirección web con {"{"}txid{"}"}, como https://mempool.space/tx/{"{"}txid{"}"}. Cámbialo en Configuración → Avanzado.
reason-browser-failed = No se pudo abrir tu navegador web. Copia el ID de la transacción y pégalo en un explorador de bloques.
reason-log-folder-missing = La app no pudo crear su carpeta de registros en esta sesión, así que no hay un archivo de registro para mostrar. Usa "Copiar diagnóstico" en su lugar.
reason-log-folder-not-opened = No se pudo abrir el administrador de archivos. Los archivos de registro están en { $folder }.
reason-file-not-saved = No se pudo guardar el archivo. Elige otra carpeta, o libera espacio, y vuelve a intentarlo.
reason-settings-not-saved = No se pudo guardar la configuración en { $path }. Revisa que tengas permiso para escribir ahí.

## Opciones que no se pueden usar. $address es la dirección del servidor tal como se escribió;
## $example una que funciona; $scheme el comienzo de una dirección, antes de "://" (ftp, http).

reason-server-address-invalid = La dirección del servidor “{ $address }” no es una dirección web válida. Usa una como { $example }.
reason-server-address-query = La dirección del servidor “{ $address }” no puede tener una consulta ni un fragmento. Usa una como { $example }.
reason-server-address-plain-http = La dirección del servidor usa http sin cifrar hacia otra computadora, lo que dejaría la orden a la vista. Usa https (http sin cifrar solo se permite para 127.0.0.1, ::1 o localhost).
reason-server-address-scheme = La dirección del servidor empieza con “{ $scheme }”; solo funciona https (o http hacia esta computadora).
reason-image-store-plain-http = La dirección del almacén de imágenes que dio CardCoins usa http sin cifrar hacia otra computadora, lo que dejaría la orden a la vista, así que la foto no se envió. Vuelve a intentarlo más tarde; si sigue pasando, comunícate con el soporte.
reason-image-store-scheme = La dirección del almacén de imágenes que dio CardCoins empieza con “{ $scheme }”, así que la foto no se envió. Vuelve a intentarlo más tarde; si sigue pasando, comunícate con el soporte.
reason-proxy-unusable = La dirección del proxy no se puede usar. Usa una como socks5h://127.0.0.1:9050 (Tor) o http://127.0.0.1:8080.
reason-sandbox-no-controls = Este servidor no tiene controles de sandbox: apunta --base-url a un sandbox (`cardcoins sandbox serve` muestra su dirección).

## La billetera de quien vende (Configuración → Tu billetera). Nunca se muestra lo que se pegó:
## podría ser una clave privada o palabras semilla. $index es un número de dirección.

reason-wallet-empty = No se pegó nada. Pega la clave pública extendida de tu billetera (xpub, ypub o zpub) o su descriptor de salida.
reason-wallet-private-key = Esta es una clave privada: con ella se puede gastar tu bitcoin. Nunca la pegues en ningún lado. Pega en su lugar la clave pública de tu billetera (xpub, ypub o zpub) o su descriptor público; no se guardó nada.
reason-wallet-seed-words = Esto parecen palabras semilla: con ellas se puede gastar tu bitcoin. Nunca las escribas en ninguna app. Pega en su lugar la clave pública de tu billetera (xpub, ypub o zpub) o su descriptor público; no se guardó nada.
reason-wallet-multi-key = Esta es una billetera con varias claves o condiciones de gasto (multifirma o un árbol de scripts). Pega el descriptor de una billetera de una sola clave.
reason-wallet-unsupported-script = El tipo de dirección de este descriptor no es compatible. Pega un descriptor pkh, sh(wpkh), wpkh o tr.
reason-wallet-test-network = Esta clave es de una red de prueba, no de bitcoin real. Pega la clave de una billetera de bitcoin real.
reason-wallet-main-network = Esta clave es de bitcoin real, pero la app está usando una red de prueba.
reason-wallet-change-chain = Este descriptor da direcciones de cambio (termina en /1/*). Pega el descriptor de recepción de tu billetera, el que termina en /0/*.
reason-wallet-not-ranged = Esto da una sola dirección, no una billetera. Pega la clave pública extendida de tu billetera o un descriptor que termine en /0/*.
reason-wallet-hardened = Este descriptor necesita la clave privada para crear sus direcciones. Pega el descriptor de recepción que exporta tu billetera, el que termina en /0/*.
reason-wallet-bad-checksum = Hay un carácter incorrecto o que falta: la suma de verificación no coincide. Cópialo de nuevo desde tu billetera en lugar de escribirlo.
reason-wallet-unrecognized = Esto no es una clave pública extendida ni un descriptor de salida que la app pueda leer. Copia la xpub, ypub o zpub (o el descriptor) de la pantalla de exportación de tu billetera.
reason-wallet-index-out-of-range = La dirección número { $index } está más allá de la última que puede crear una billetera. Pega una dirección en su lugar.
reason-wallet-derivation = No se pudo crear la dirección con esta billetera. Pega una dirección en su lugar.
reason-wallet-used-up = Las siguientes direcciones de tu billetera ya se usaron todas. Pega en su lugar una dirección nueva de tu billetera.
reason-wallet-gap-limit = El límite de brecha es un número entero del 1 al 1000; la mayoría de las billeteras usan 20. Usa el mismo número que tu billetera.
