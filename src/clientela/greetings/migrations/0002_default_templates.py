"""Default greeting templates: birthday, anniversary and holiday × e-mail and SMS in the five languages.

The defaults do not use {years}: a number in running text needs plural agreement ("1 year",
"20 de ani") that a placeholder cannot give. Edit the templates in the admin to use it.
"""

from django.db import migrations

# occasion -> language -> (e-mail subject, e-mail body, SMS text)
TEMPLATES = {
    "birthday": {
        "en": (
            "Happy birthday, {contact_name}!",
            "Dear {contact_name},\n\nHappy birthday! We wish you a wonderful day and a great year ahead.\n\nBest regards,\n{salesperson_name}",
            "Happy birthday, {contact_name}! Best wishes from {salesperson_name}.",
        ),
        "es": (
            "¡Feliz cumpleaños, {contact_name}!",
            "Estimado/a {contact_name}:\n\n¡Feliz cumpleaños! Le deseamos un día estupendo y un año lleno de éxitos.\n\nUn cordial saludo,\n{salesperson_name}",
            "¡Feliz cumpleaños, {contact_name}! Un saludo afectuoso de {salesperson_name}.",
        ),
        "fr": (
            "Joyeux anniversaire, {contact_name} !",
            "Bonjour {contact_name},\n\nJoyeux anniversaire ! Nous vous souhaitons une excellente journée et une très belle année.\n\nBien cordialement,\n{salesperson_name}",
            "Joyeux anniversaire, {contact_name} ! Meilleurs vœux de la part de {salesperson_name}.",
        ),
        "zh-hans": (
            "{contact_name}，生日快乐！",
            "尊敬的{contact_name}：\n\n祝您生日快乐！愿您度过美好的一天，新的一岁万事如意。\n\n顺颂商祺\n{salesperson_name}",
            "{contact_name}，祝您生日快乐，万事如意！——{salesperson_name}",
        ),
        "ro": (
            "La mulți ani, {contact_name}!",
            "Bună ziua, {contact_name},\n\nLa mulți ani! Vă dorim o zi minunată și un an plin de realizări.\n\nCu stimă,\n{salesperson_name}",
            "La mulți ani, {contact_name}! Cele mai bune urări, {salesperson_name}",
        ),
    },
    "anniversary": {
        "en": (
            "Happy anniversary, {customer_name}!",
            "Dear {contact_name},\n\nCongratulations on your anniversary! Thank you for your trust; we look forward to many more years of working together.\n\nBest regards,\n{salesperson_name}",
            "Happy anniversary, {customer_name}! Thank you for your trust. {salesperson_name}",
        ),
        "es": (
            "¡Feliz aniversario, {customer_name}!",
            "Estimado/a {contact_name}:\n\n¡Feliz aniversario! Gracias por su confianza; esperamos seguir colaborando con ustedes muchos años más.\n\nUn cordial saludo,\n{salesperson_name}",
            "¡Feliz aniversario, {customer_name}! Gracias por su confianza. {salesperson_name}",
        ),
        "fr": (
            "Félicitations pour cet anniversaire, {customer_name} !",
            "Bonjour {contact_name},\n\nToutes nos félicitations pour cet anniversaire ! Merci de votre confiance ; nous nous réjouissons de poursuivre notre collaboration.\n\nBien cordialement,\n{salesperson_name}",
            "Félicitations pour cet anniversaire, {customer_name} ! Merci de votre confiance. {salesperson_name}",
        ),
        "zh-hans": (
            "{customer_name}，周年快乐！",
            "尊敬的{contact_name}：\n\n值此周年纪念之际，谨致以热烈的祝贺！感谢您一直以来的信任与支持，期待与您继续携手合作。\n\n顺颂商祺\n{salesperson_name}",
            "值此周年纪念之际，热烈祝贺{customer_name}！感谢您的信任与支持。——{salesperson_name}",
        ),
        "ro": (
            "Felicitări cu ocazia aniversării, {customer_name}!",
            "Bună ziua, {contact_name},\n\nVă felicităm cu ocazia aniversării! Vă mulțumim pentru încrederea acordată și ne bucurăm să continuăm colaborarea.\n\nCu stimă,\n{salesperson_name}",
            "Felicitări cu ocazia aniversării, {customer_name}! Vă mulțumim pentru încredere. {salesperson_name}",
        ),
    },
    "holiday": {
        "en": (
            "Happy {occasion}!",
            "Dear {contact_name},\n\nOn the occasion of {occasion}, we send you and everyone at {customer_name} our warmest wishes.\n\nBest regards,\n{salesperson_name}",
            "Happy {occasion}, {contact_name}! Warm wishes from {salesperson_name}.",
        ),
        "es": (
            "Nuestros mejores deseos: {occasion}",
            "Estimado/a {contact_name}:\n\nCon motivo de {occasion}, le enviamos a usted y a todo el equipo de {customer_name} nuestros mejores deseos.\n\nUn cordial saludo,\n{salesperson_name}",
            "¡Felices fiestas, {contact_name}! Un saludo afectuoso de {salesperson_name}.",
        ),
        "fr": (
            "Meilleurs vœux – {occasion}",
            "Bonjour {contact_name},\n\nÀ l'occasion de cette fête ({occasion}), nous vous adressons, à vous et à toute l'équipe de {customer_name}, nos meilleurs vœux.\n\nBien cordialement,\n{salesperson_name}",
            "Joyeuses fêtes, {contact_name} ! Meilleurs vœux de la part de {salesperson_name}.",
        ),
        "zh-hans": (
            "{occasion}快乐！",
            "尊敬的{contact_name}：\n\n值此{occasion}之际，谨向您及{customer_name}全体同仁致以诚挚的祝福！\n\n顺颂商祺\n{salesperson_name}",
            "值此{occasion}之际，祝{contact_name}节日快乐！——{salesperson_name}",
        ),
        "ro": (
            "Cele mai bune urări – {occasion}",
            "Bună ziua, {contact_name},\n\nCu ocazia acestei sărbători ({occasion}), vă transmitem dumneavoastră și întregii echipe {customer_name} cele mai calde urări.\n\nCu stimă,\n{salesperson_name}",
            "Sărbători fericite, {contact_name}! Cele mai bune urări, {salesperson_name}",
        ),
    },
}


def create_default_templates(apps, schema_editor):
    GreetingTemplate = apps.get_model("greetings", "GreetingTemplate")
    for occasion, languages in TEMPLATES.items():
        for language, (subject, body, sms) in languages.items():
            GreetingTemplate.objects.get_or_create(occasion=occasion, language=language, channel="email", defaults={"subject": subject, "body": body})
            GreetingTemplate.objects.get_or_create(occasion=occasion, language=language, channel="sms", defaults={"body": sms})


class Migration(migrations.Migration):
    dependencies = [("greetings", "0001_initial")]

    operations = [migrations.RunPython(create_default_templates, migrations.RunPython.noop)]
