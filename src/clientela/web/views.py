from django.http import HttpResponse

def home(request): return HttpResponse("")
def customer_list(request): return HttpResponse("")
def customer_detail(request, pk): return HttpResponse("")
