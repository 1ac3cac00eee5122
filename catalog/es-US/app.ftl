# Frases que dice la parte en Rust de la app: notificaciones de escritorio, que aparecen
# cuando no hay pantalla abierta. La interfaz lee también estos archivos.

## Notificaciones de escritorio. El título empieza con el nombre de la app: el sistema no
## muestra otro.

notice-title = CardCoins: { $stage }
notice-stage-accepted = { $status ->
    [completed] Completada
   *[other] Aprobada
}
notice-stage-photos-rejected = Fotos rechazadas
notice-stage-gone = { $status ->
    [expired] Vencida
    [cancelled] Cancelada
   *[other] Ya no está registrada
}
notice-accepted-body = Aceptamos tu tarjeta: el bitcoin va en camino.
notice-photos-rejected-body = Algunas fotos no fueron aceptadas. Abre la orden para ver por qué y envía fotos nuevas.
notice-gone-body = CardCoins ya no tiene registrada esta orden. Abre la app para ver qué hacer.

## El seguimiento del pago, mientras el bitcoin llega a la billetera. No se nombra ninguna
## transacción ni dirección: la orden muestra la transacción una vez, junto al pago.

notice-payout-seen-title = Pago visto
notice-payout-seen-body = Tu bitcoin va en camino, todavía sin confirmar. Puede que lo reemplace un lote más grande: es normal. No lo gastes todavía.
notice-payout-replaced-title = Pago reemplazado por un lote más grande
notice-payout-replaced-body = CardCoins reemplazó la transacción por un lote más grande que te paga la misma cantidad: es normal. No lo gastes todavía.
notice-payout-confirmed-title = Pago confirmado
notice-payout-confirmed-body = Lleva { $confirmations ->
    [one] { $confirmations } confirmación
   *[other] { $confirmations } confirmaciones
} de las 3 que espera la app. No lo gastes todavía.
notice-payout-done-title = Pago completado
notice-payout-done-body = Ya tiene 3 confirmaciones (bloque { $block }). El bitcoin es tuyo para gastarlo.

## La app no pudo iniciar: un diálogo del sistema, antes de cualquier ventana, en el idioma de la computadora.
## Debajo del título va lo que salió mal (un motivo o un mensaje error-code-) y luego launch-failed-next.

launch-failed-title = CardCoins no pudo iniciar
launch-failed-next = Tus órdenes guardadas no se ven afectadas. Si esto sigue pasando, comunícate con el soporte de CardCoins.

## Los cuadros de diálogo de archivos del sistema.

dialog-choose-photos = Elige las fotos de la tarjeta
dialog-choose-photos-filter = Fotos
dialog-captcha-title = CardCoins: ¿eres una persona?
dialog-export-title = Exportar tus órdenes
dialog-export-filter-csv = Hoja de cálculo CSV
dialog-export-filter-bip329 = Etiquetas BIP-329
dialog-support-title = Guardar un archivo para soporte
dialog-support-filter = Archivo para soporte
dialog-receipt-title = Guardar un recibo
dialog-receipt-filter = Recibo en PDF

## El recibo (PDF). Las etiquetas van a la izquierda de sus valores: que sean cortas (unas 22
## letras).

receipt-title = CardCoins Desktop - recibo
receipt-made = Recibo hecho
receipt-card-value = Valor de la tarjeta
receipt-ordered = Orden creada
receipt-status = Estado actual
receipt-quote = Cotización
receipt-price = Precio por bitcoin
receipt-quote-value = Cotización en dólares
receipt-quoted-at = Cotizada
receipt-onchain = Dirección de bitcoin
receipt-lightning = Lightning
receipt-phone = Teléfono que termina en
receipt-names = Nombre dado
receipt-yes = Sí
receipt-no = No
receipt-paid = Bitcoin enviado
receipt-paid-value = Enviado en dólares
receipt-txid = ID de transacción
receipt-payment-hash = Hash del pago
receipt-order-id = ID de la orden
receipt-order-id-warning = Quien tenga el ID de la orden controla la orden: guarda este recibo en privado.
receipt-history = Historial de estados
receipt-dollars-note = Los valores en dólares son el bitcoin al precio de la cotización, al centavo más cercano.
receipt-page-of = Página { $page } de { $pages }
