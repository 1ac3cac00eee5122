### Qué salió mal, según el código del error (`ErrorCode` en ui/src/lib/bindings.ts), y qué hacer.
### Se muestra en todos los idiomas cuando el sistema no da un motivo propio (esos están en
### reasons.ftl y son más precisos: el carácter mal escrito, los minutos de espera). Cada código
### necesita su mensaje aquí (lo revisa una prueba). Las palabras de CardCoins se muestran
### aparte, tal como las escribió: no se repiten ni se traducen aquí.

## Lo que la persona escribió o eligió

error-code-invalid_amount = La app no puede usar ese monto. Ingresa el valor de la tarjeta en dólares, por ejemplo 55.00.
error-code-invalid_order_id = Eso no es un ID de orden. Pega el ID de orden que te dio CardCoins, y nada más.
error-code-invalid_phone = No se puede usar ese número de teléfono. Ingresa un número de celular que pueda recibir mensajes de texto, sin extensión.
error-code-invalid_destination = CardCoins no puede pagar a eso. Pega una dirección de bitcoin, una factura Lightning sin monto o una Lightning Address, copiada de la pantalla para recibir de tu billetera.
error-code-bad_checksum = Hay un carácter mal escrito o que falta. Vuelve a copiar la dirección o la factura desde tu billetera en lugar de escribirla.
error-code-testnet_address = Esto es para una red de prueba, no para bitcoin real. Usa una dirección o una factura para recibir de una billetera de bitcoin real.
error-code-invoice_has_amount = Esta factura pide un monto. Crea una factura sin monto: CardCoins fija el monto según el valor de la tarjeta.
error-code-invoice_expired = Esta factura venció. Crea una factura nueva sin monto.
error-code-unknown_image_slot = CardCoins no pide ese tipo de foto. Elige una de las fotos que indica la orden.
error-code-invalid_name = Escribe tu nombre y tu apellido, como aparecen en tu identificación, o deja ambos vacíos.
error-code-invalid_code = Eso no parece el código del mensaje: escribe sus dígitos, por ejemplo 123456.
error-code-refused_input = Estas opciones no se pueden usar juntas. Revisa lo que ingresaste y vuelve a intentarlo.

## Lo que respondió CardCoins

error-code-bad_request = CardCoins rechazó la solicitud. Revisa lo que ingresaste y vuelve a intentarlo.
error-code-code_refused = CardCoins no aceptó el código. Revísalo y vuelve a escribirlo, o pide un código nuevo; después de varios intentos, CardCoins también pide una nueva verificación rápida con el código.
error-code-send_refused = CardCoins no envió un código. Revisa el número, haz de nuevo la verificación rápida y vuelve a pedirlo.
error-code-payment_refused = CardCoins no aceptó los datos del pago. Revisa la dirección o la factura; CardCoins también puede necesitar tu nombre y apellido, o una nueva verificación rápida después de varios intentos.
error-code-photos_refused = CardCoins no aceptó las fotos. Revisa que cada una sea JPEG o PNG de menos de 5 MB y que hayas subido todas las fotos que pide.
error-code-forbidden = CardCoins no permitió esto: puede que la orden ya esté en otro paso, o que CardCoins no dé servicio en la ubicación de esta red.
error-code-order_not_found = No se encontró la orden: puede que haya vencido o que se haya cancelado. Empieza una orden nueva.
error-code-temporarily_blocked = CardCoins está rechazando por un tiempo las solicitudes de esta red: puede deberse a demasiadas solicitudes, a una VPN o a la ubicación. Espera unos minutos antes de volver a intentarlo.
error-code-server_error = CardCoins tuvo un problema en su servidor. Vuelve a intentarlo en unos minutos; si sigue pasando, comunícate con el soporte.
error-code-maintenance = CardCoins está fuera de servicio por mantenimiento. Vuelve a intentarlo más tarde.
error-code-offline = No se pudo conectar con CardCoins. Revisa la conexión a internet (y el proxy, si configuraste uno) y vuelve a intentarlo.
error-code-timeout = CardCoins tardó demasiado en responder. Revisa la conexión y vuelve a intentarlo.
error-code-secure_connection_failed = Falló la conexión segura con CardCoins. Revisa la hora de la computadora y cualquier proxy o filtro que intercepte HTTPS, y vuelve a intentarlo.
error-code-unreadable_answer = CardCoins envió una respuesta que esta app no pudo leer. Vuelve a intentarlo más tarde; puede que la app necesite una actualización.
error-code-upload_expired = El permiso para subir la foto venció antes de que llegara. Vuelve a subirla.
error-code-upload_too_slow = Puede que esta conexión sea demasiado lenta para enviar la foto en los 15 segundos que dura el permiso de CardCoins para subirla. Conéctate a una red más rápida si puedes, o inténtalo de todos modos: puede que llegue.
error-code-upload_too_large = La foto es demasiado grande para el almacén de imágenes. Prepara una foto más pequeña y vuelve a subirla.
error-code-upload_refused = El almacén de imágenes no recibió la foto. Vuelve a subirla en un momento; si sigue pasando, comunícate con el soporte.

## Fotos

error-code-photo_unreadable = No se pudo leer el archivo de la foto: puede que falte, esté vacío, incompleto o dañado. Vuelve a elegir la foto o toma una nueva.
error-code-photo_folder = Esto es una carpeta, no una foto. Elige un archivo de foto que esté dentro.
error-code-photo_too_large = La foto es demasiado grande para usarla. Elige la foto tal como la guardó la cámara de tu teléfono, o recórtala a la tarjeta, y vuelve a intentarlo.
error-code-photo_heic = Esta es una foto HEIC (el formato de alta eficiencia del iPhone), que la app no puede leer aquí. Expórtala como JPEG y elige ese archivo: en el iPhone, Ajustes > Cámara > Formatos > Más compatible hace que la cámara guarde en JPEG.
error-code-photo_not_image = La app no puede usar este archivo como foto. Elige una foto de la tarjeta: un archivo JPEG, PNG o WebP.
error-code-photo_not_prepared = Vuelve a elegir la foto de este recuadro antes de subirla.

## La ventana de verificación

error-code-captcha_required = Primero haz la verificación rápida y luego vuelve a pedir el código.
error-code-captcha_open = La ventana de verificación ya está abierta: complétala ahí.
error-code-captcha_not_completed = La verificación se cerró antes de completarse. Complétala para que se envíe el código.
error-code-captcha_timeout = La ventana de verificación se cerró porque no se terminó a tiempo. Presiona Enviar código para abrirla de nuevo.
error-code-captcha_not_configured = No se pueden enviar códigos desde esta copia de la app: se creó sin la verificación que exige CardCoins.

## La billetera de quien vende

error-code-invalid_wallet = Esta no es una clave de billetera que la app pueda usar. Pega la clave pública extendida (xpub, ypub o zpub) o el descriptor de salida de la pantalla de exportación de tu billetera.
error-code-wallet_private_key = Esto es privado: con esto se puede gastar tu bitcoin. Nunca lo pegues en ninguna app. Pega en su lugar la clave pública extendida de tu billetera (xpub, ypub o zpub); no se guardó nada.
error-code-wallet_not_set = No hay ninguna billetera configurada, o su clave ya no está en esta computadora. Agrega tu billetera en Configuración o pega una dirección.

## Esta computadora

error-code-unknown_order = Esta orden no está en la lista de órdenes (puede que se haya olvidado). Vuelve a abrir la lista de órdenes.
error-code-vault_unavailable = La app no pudo usar las órdenes guardadas en esta computadora: no se pudo leer o guardar la lista de órdenes o un ID de orden. Reinicia la app; si sigue pasando, comunícate con el soporte de CardCoins.
error-code-invalid_settings = No se puede usar una de las opciones. Revisa las direcciones en Configuración y cambia la que esté mal.
error-code-settings_not_saved = No se pudo guardar la configuración. Revisa que puedas escribir en la carpeta de la app y vuelve a guardarla.
error-code-not_sandbox = Los códigos solo se pueden leer aquí en modo de práctica; revisa los mensajes de tu teléfono.
error-code-sandbox = Falló el servidor de práctica. Reinicia la app o desactiva el modo de práctica en Configuración.
error-code-io = No se pudo abrir o guardar algo en esta computadora. Vuelve a intentarlo; si sigue pasando, reinicia la app.
error-code-internal = Algo salió mal en la app. Vuelve a intentarlo; si sigue pasando, reinicia la app.
